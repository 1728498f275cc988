#pragma once

#include "core/lab/semaphore/SemaphoreProgress.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QSpinBox;

namespace stampede {

class ActiveCountChart;
class GanttChart;

// The semaphore demo: jobs J, limit K and job length, Start/Stop/Reset, a Gantt chart of the
// jobs (waiting light, running strong), the running count against K, and the panel.
class SemaphorePage : public QWidget {
    Q_OBJECT
public:
    explicit SemaphorePage(QWidget* parent = nullptr);

    void showProgress(const SemaphoreProgress& progress);
    void setRunning(bool running);
    void clear();

    QSpinBox* jobsBox() const { return jobs_; }
    QSpinBox* limitBox() const { return limit_; }
    QSpinBox* jobMsBox() const { return jobMs_; }
    QPushButton* startButton() const { return start_; }
    QPushButton* stopButton() const { return stop_; }
    QPushButton* resetButton() const { return reset_; }
    QLabel* summaryLabel() const { return summary_; }
    GanttChart* gantt() const { return gantt_; }
    ActiveCountChart* activeChart() const { return active_; }

signals:
    void startRequested(int jobs, int limit, int jobMs);
    void stopRequested();
    void resetRequested();

private:
    QSpinBox* jobs_;
    QSpinBox* limit_;
    QSpinBox* jobMs_;
    QPushButton* start_;
    QPushButton* stop_;
    QPushButton* reset_;
    QLabel* summary_;
    GanttChart* gantt_;
    ActiveCountChart* active_;
};

} // namespace stampede
