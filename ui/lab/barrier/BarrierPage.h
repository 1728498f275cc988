#pragma once

#include "core/lab/barrier/BarrierDemo.h"

#include "ui/lab/DemoPage.h"

class QLabel;
class QSpinBox;

namespace stampede {

class GanttChart;

// The barrier demo: threads N, phases M and the work length, Start/Stop/Reset; a Gantt
// chart of each thread's work and wait at the barrier in every phase, who was slowest in
// each, and the panel.
class BarrierPage : public DemoPage {
    Q_OBJECT
public:
    explicit BarrierPage(QWidget* parent = nullptr);

    BarrierOptions options() const;
    void showProgress(const BarrierProgress& progress);
    void runEnded(const BarrierProgress& progress);

private:
    void clear() override;
    QSpinBox* threads_;
    QSpinBox* phases_;
    QSpinBox* workMs_;
    QLabel* summary_;
    QLabel* slowest_;
    GanttChart* gantt_;
};

} // namespace stampede
