#pragma once

#include "core/lab/requests/RequestsDemo.h"

#include <QWidget>

class QLabel;
class QSpinBox;

namespace stampede {

class DemoButtons;

class GanttChart;

// Sequential vs concurrent requests: N and the server's delay, Start/Stop/Reset, one Gantt
// chart per way of sending on the same time scale, the two totals side by side, the panel.
class RequestsPage : public QWidget {
    Q_OBJECT
public:
    explicit RequestsPage(QWidget* parent = nullptr);

    RequestsOptions options() const;
    void runStarted();
    void showProgress(const RequestsProgress& progress);
    void runEnded(const RequestsProgress& progress);
    void reset();

signals:
    void startRequested();
    void stopRequested();
    void resetRequested();

private:
    void setRunning(bool running);
    void clear();
    QSpinBox* requests_;
    QSpinBox* delay_;
    DemoButtons* buttons_;
    QLabel* totals_;
    GanttChart* sequential_;
    GanttChart* concurrent_;
};

} // namespace stampede
