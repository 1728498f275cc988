#pragma once

#include "core/lab/deadlock/DeadlockDemo.h"

#include <QWidget>

class QLabel;
class QSpinBox;
class QTableWidget;

namespace stampede {

class DemoButtons;

class WaitForGraphView;

// The deadlock demo: how many threads, Start/Stop/Reset, the live wait-for graph, the
// watchdog's verdict, one row per fix, and the plain-language panel.
class DeadlockPage : public QWidget {
    Q_OBJECT
public:
    explicit DeadlockPage(QWidget* parent = nullptr);

    DeadlockOptions options() const;
    void runStarted();
    void showProgress(const DeadlockProgress& progress);
    void runEnded(const DeadlockProgress& progress);
    void reset();

signals:
    void startRequested();
    void stopRequested();
    void resetRequested();

private:
    void setRunning(bool running);
    void clear();
    void showFixes(const std::vector<FixResult>& fixes);

    QSpinBox* threads_;
    DemoButtons* buttons_;
    QLabel* verdict_;
    WaitForGraphView* graph_;
    QTableWidget* fixes_;
};

} // namespace stampede
