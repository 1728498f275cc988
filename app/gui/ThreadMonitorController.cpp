#include "app/gui/ThreadMonitorController.h"

#include "ui/monitor/ThreadMonitorView.h"
#include "ui/monitor/ThreadTimelineChart.h"

namespace stampede {

ThreadMonitorController::ThreadMonitorController(ThreadMonitorView* view, QObject* parent)
    : QObject(parent)
    , view_(view)
    , history_(ThreadTimelineChart::kWindowSeconds) {
    sampler_.add(reader_.read()); // the base for the first period
    connect(&timer_, &QTimer::timeout, this, &ThreadMonitorController::sampleNow);
    timer_.start(kIntervalMs);
}

void ThreadMonitorController::sampleNow() {
    const auto sample = sampler_.add(reader_.read());
    if (!sample || !view_)
        return;
    history_.add(*sample);
    // Hidden, it keeps its history (cheap) but skips drawing (not cheap), so the timeline is
    // whole again when shown.
    if (view_->isVisible())
        view_->showSample(*sample, history_.lanes());
}

} // namespace stampede
