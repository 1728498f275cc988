#pragma once

#include "core/lab/semaphore/SemaphoreDemo.h"

#include "ui/lab/DemoPage.h"

class QLabel;
class QSpinBox;

namespace stampede {

class ActiveCountChart;
class GanttChart;

// The semaphore demo: jobs J, limit K and job length, Start/Stop/Reset, a Gantt chart of the
// jobs (waiting light, running strong), the running count against K, and the panel.
class SemaphorePage : public DemoPage {
    Q_OBJECT
public:
    explicit SemaphorePage(QWidget* parent = nullptr);

    SemaphoreOptions options() const;
    void showProgress(const SemaphoreProgress& progress);
    void runEnded(const SemaphoreProgress& progress);

private:
    void clear() override;
    QSpinBox* jobs_;
    QSpinBox* limit_;
    QSpinBox* jobMs_;
    QLabel* summary_;
    GanttChart* gantt_;
    ActiveCountChart* active_;
};

} // namespace stampede
