#pragma once

#include "core/plan/HarImport.h"

#include <QDialog>

#include <optional>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QTreeWidget;

namespace stampede {

// Open a HAR file (a browser's "Save all as HAR") and choose which of its requests become
// the scenario's steps: every entry with its method, URL, status and type, the page's own
// host without static assets checked to begin with. Import hands the plan back; the reading
// and the conversion are core's.
class HarImportDialog : public QDialog {
    Q_OBJECT
public:
    // `current` is the form's plan: its transport, load and stop settings stay.
    explicit HarImportDialog(const Plan& current, QWidget* parent = nullptr);

    // Reads the file at `path` and lists its entries, or says why it cannot.
    void openFile(const QString& path);
    void setHar(const QByteArray& json);
    std::vector<std::size_t> checked() const;
    Plan plan() const;

protected:
    void keyPressEvent(QKeyEvent* event) override;

private:
    void chooseFile();
    void check(const std::vector<std::size_t>& entries);
    void update();

    Plan current_;
    std::optional<HarArchive> har_;
    QLineEdit* path_;
    QLabel* error_;
    QTreeWidget* entries_;
    QLabel* summary_;
    QDialogButtonBox* buttons_;
};

} // namespace stampede
