#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTableWidget;

namespace stampede {

struct TargetStatsSnapshot;

// Shows the embedded target: its URL, its endpoints, how it serves (async, or sync with W
// workers: the course's FastAPI-versus-Flask lesson) and what it has served so far.
class TargetPanel : public QWidget {
    Q_OBJECT
public:
    explicit TargetPanel(QWidget* parent = nullptr);

    void setUrl(const QString& url);
    void showStats(const TargetStatsSnapshot& stats);
    // How the server serves now (`workers` 0: async), and a sentence about the last switch.
    void showMode(int workers, const QString& note = {});

    QString url() const;
    QString summary() const;

signals:
    // The user asked for the server to serve another way: 0 workers means async.
    void modeRequested(int workers);

private:
    QLineEdit* url_;
    QComboBox* mode_;
    QSpinBox* workers_;
    QLabel* modeNote_;
    QLabel* summary_;
    QTableWidget* table_;
};

} // namespace stampede
