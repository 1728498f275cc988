#pragma once

#include "core/plan/CurlImportResult.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QListWidget;
class QPlainTextEdit;

namespace stampede {

// Paste a `curl …` command and see, as you type, what the load test will send and which
// options it cannot do; Import hands the resulting plan back. The reading is core's.
class CurlImportDialog : public QDialog {
    Q_OBJECT
public:
    // `current` is the form's plan: what the command does not say stays as it is.
    explicit CurlImportDialog(const Plan& current, QWidget* parent = nullptr);

    void setCommand(const QString& command);
    Plan plan() const { return result_.plan; }
    const CurlImportResult& result() const { return result_; }

private:
    void update();

    Plan current_;
    CurlImportResult result_;
    QPlainTextEdit* command_;
    QPlainTextEdit* summary_;
    QLabel* ignoredTitle_;
    QListWidget* ignored_;
    QLabel* error_;
    QDialogButtonBox* buttons_;
};

} // namespace stampede
