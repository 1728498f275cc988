#pragma once

#include "core/lab/requests/RequestsProgress.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QSpinBox;

namespace stampede {

class GanttChart;

// Sequential vs concurrent requests: N and the server's delay, Start/Stop/Reset, one Gantt
// chart per way of sending on the same time scale, the two totals side by side, the panel.
class RequestsPage : public QWidget {
    Q_OBJECT
public:
    explicit RequestsPage(QWidget* parent = nullptr);

    void showProgress(const RequestsProgress& progress);
    void setRunning(bool running);
    void clear();

    QSpinBox* requestsBox() const { return requests_; }
    QSpinBox* delayBox() const { return delay_; }
    QPushButton* startButton() const { return start_; }
    QPushButton* stopButton() const { return stop_; }
    QPushButton* resetButton() const { return reset_; }
    QLabel* totalsLabel() const { return totals_; }
    GanttChart* sequentialChart() const { return sequential_; }
    GanttChart* concurrentChart() const { return concurrent_; }

signals:
    void startRequested(int requests, int delayMs);
    void stopRequested();
    void resetRequested();

private:
    QSpinBox* requests_;
    QSpinBox* delay_;
    QPushButton* start_;
    QPushButton* stop_;
    QPushButton* reset_;
    QLabel* totals_;
    GanttChart* sequential_;
    GanttChart* concurrent_;
};

} // namespace stampede
