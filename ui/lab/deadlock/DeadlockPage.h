#pragma once

#include "core/lab/deadlock/DeadlockProgress.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace stampede {

class WaitForGraphView;

// The deadlock demo: how many threads, Start/Stop/Reset, the live wait-for graph, the
// watchdog's verdict, one row per fix, and the plain-language panel.
class DeadlockPage : public QWidget {
    Q_OBJECT
public:
    explicit DeadlockPage(QWidget* parent = nullptr);

    void showProgress(const DeadlockProgress& progress);
    void setRunning(bool running);
    void clear();

    QSpinBox* threadsBox() const { return threads_; }
    QPushButton* startButton() const { return start_; }
    QPushButton* stopButton() const { return stop_; }
    QPushButton* resetButton() const { return reset_; }
    WaitForGraphView* graphView() const { return graph_; }
    QTableWidget* fixTable() const { return fixes_; }
    QLabel* verdictLabel() const { return verdict_; }

signals:
    void startRequested(int threads);
    void stopRequested();
    void resetRequested();

private:
    void showFixes(const std::vector<FixResult>& fixes);

    QSpinBox* threads_;
    QPushButton* start_;
    QPushButton* stop_;
    QPushButton* reset_;
    QLabel* verdict_;
    WaitForGraphView* graph_;
    QTableWidget* fixes_;
};

} // namespace stampede
