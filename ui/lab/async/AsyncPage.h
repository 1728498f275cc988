#pragma once

#include "core/lab/async/AsyncDemo.h"

#include "ui/lab/DemoPage.h"

#include <array>

class QLabel;
class QSpinBox;

namespace stampede {

class GanttChart;

// gather, as_completed and wait: N, the delays' range and seed, the timeout T, Start/Stop/Reset;
// one Gantt chart per way of waiting on one time scale, each with the sentence that says what
// the program took and cancelled, and the as_completed list as it fills; the panel.
class AsyncPage : public DemoPage {
    Q_OBJECT
public:
    explicit AsyncPage(QWidget* parent = nullptr);

    AsyncOptions options() const;
    void showProgress(const AsyncProgress& progress);
    void runEnded(const AsyncProgress& progress);

private:
    void clear() override;

    QSpinBox* requests_;
    QSpinBox* fastest_;
    QSpinBox* slowest_;
    QSpinBox* timeout_;
    QSpinBox* seed_;
    QLabel* status_;
    std::array<GanttChart*, 4> charts_{}; // by AsyncMode
    std::array<QLabel*, 4> summaries_{};  // under each chart
};

} // namespace stampede
