#pragma once

#include "core/lab/deadlock/DeadlockDemo.h"

#include "ui/lab/DemoPage.h"

class QLabel;
class QSpinBox;
class QTableWidget;

namespace stampede {

class WaitForGraphView;

// The deadlock demo: how many threads, Start/Stop/Reset, the live wait-for graph, the
// watchdog's verdict, one row per fix, and the plain-language panel.
class DeadlockPage : public DemoPage {
    Q_OBJECT
public:
    explicit DeadlockPage(QWidget* parent = nullptr);

    DeadlockOptions options() const;
    void showProgress(const DeadlockProgress& progress);
    void runEnded(const DeadlockProgress& progress);

private:
    void clear() override;
    void showFixes(const std::vector<FixResult>& fixes);

    QSpinBox* threads_;
    QLabel* verdict_;
    WaitForGraphView* graph_;
    QTableWidget* fixes_;
};

} // namespace stampede
