#pragma once

#include "core/lab/semaphore/SemaphoreDemo.h"

#include <QWidget>

class QLabel;
class QSpinBox;

namespace stampede {

class DemoButtons;

class ActiveCountChart;
class GanttChart;

// The semaphore demo: jobs J, limit K and job length, Start/Stop/Reset, a Gantt chart of the
// jobs (waiting light, running strong), the running count against K, and the panel.
class SemaphorePage : public QWidget {
    Q_OBJECT
public:
    explicit SemaphorePage(QWidget* parent = nullptr);

    SemaphoreOptions options() const;
    void runStarted();
    void showProgress(const SemaphoreProgress& progress);
    void runEnded(const SemaphoreProgress& progress);
    void reset();

signals:
    void startRequested();
    void stopRequested();
    void resetRequested();

private:
    void setRunning(bool running);
    void clear();
    QSpinBox* jobs_;
    QSpinBox* limit_;
    QSpinBox* jobMs_;
    DemoButtons* buttons_;
    QLabel* summary_;
    GanttChart* gantt_;
    ActiveCountChart* active_;
};

} // namespace stampede
