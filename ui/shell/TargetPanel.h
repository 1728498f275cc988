#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QTableWidget;

namespace stampede {

struct TargetStatsSnapshot;

// Shows the embedded target: its URL, its endpoints, and what it has served so far.
class TargetPanel : public QWidget {
    Q_OBJECT
public:
    explicit TargetPanel(QWidget* parent = nullptr);

    void setUrl(const QString& url);
    void showStats(const TargetStatsSnapshot& stats);

    QString url() const;
    QString summary() const;

private:
    QLineEdit* url_;
    QLabel* summary_;
    QTableWidget* table_;
};

} // namespace stampede
