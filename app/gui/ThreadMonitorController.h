#pragma once

#include "core/monitor/ProcReader.h"
#include "core/monitor/ProcessSampler.h"
#include "core/monitor/ThreadHistory.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

namespace stampede {

class ThreadMonitorView;

// Samples /proc on the GUI thread twice a second and feeds the Threads & CPU view. A sample
// of 21 threads took about 0.2 ms (-O2), so no worker thread is needed (and none then
// appears in the view it feeds).
class ThreadMonitorController : public QObject {
    Q_OBJECT
public:
    static constexpr int kIntervalMs = 500;

    explicit ThreadMonitorController(ThreadMonitorView* view, QObject* parent = nullptr);

    // One sample now; the timer calls it too.
    void sampleNow();

private:
    QPointer<ThreadMonitorView> view_;
    QTimer timer_;
    ProcReader reader_;
    ProcessSampler sampler_;
    ThreadHistory history_;
};

} // namespace stampede
