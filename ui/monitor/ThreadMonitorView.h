#pragma once

#include "core/monitor/ProcessSample.h"
#include "core/monitor/ThreadLane.h"

#include <QWidget>

class QLabel;

namespace stampede {

class CoreLoadChart;
class ThreadTable;
class ThreadTimelineChart;

// The Threads & CPU view: the process's threads, its cores and a timeline of who ran when.
// Draws what it is given; app/ThreadMonitorController samples /proc and feeds it.
class ThreadMonitorView : public QWidget {
    Q_OBJECT
public:
    explicit ThreadMonitorView(QWidget* parent = nullptr);

    void showSample(const ProcessSample& sample, const std::vector<ThreadLane>& lanes);

private:
    QLabel* summary_;
    ThreadTable* table_;
    CoreLoadChart* cores_;
    ThreadTimelineChart* timeline_;
};

} // namespace stampede
