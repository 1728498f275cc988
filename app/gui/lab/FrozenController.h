#pragma once

#include "app/gui/lab/LatestTrace.h"
#include "core/engine/LoadEngine.h"
#include "core/lab/frozen/FrozenDemo.h"

#include <QObject>
#include <QTimer>

#include <memory>

#include <string>

namespace stampede {

class FrozenPage;

// The frozen window on the real window: a 10 ms timer on the GUI thread feeds a
// LoopLagMeter. "On the window's thread" sends the N requests right here with a blocking
// HttpProbe, so nothing else runs until they are done, which is the lesson, bounded by N × D ≤
// 5 s; "on the engine thread" gives them to a LoadEngine and hears back through a
// QueuedRunSink. Each way measures from a calm before to a calm after.
class FrozenController : public QObject {
    Q_OBJECT
public:
    FrozenController(FrozenPage* page, std::string targetUrl, QObject* parent = nullptr);

    bool busy() const { return phase_ != Phase::Idle; }
    LatestTrace* latestTrace() const { return trace_; }
    // What each way did, last time it ran.
    const FrozenProgress& runs() const { return shown_; }

private:
    enum class Phase { Idle, CalmBefore, Sending, CalmAfter };

    void start(bool onTheWindow);
    void tick();
    void sendOnTheWindow();
    void finish();

    FrozenPage* page_;
    const std::string targetUrl_;
    LatestTrace* trace_;
    QTimer ticker_;
    LoopLagMeter meter_{FrozenDemo::kTick};
    std::unique_ptr<LoadEngine> engine_; // made at the first use: its thread only then
    FrozenOptions options_;
    Phase phase_ = Phase::Idle;
    bool onTheWindow_ = true;
    LoopLagMeter::Clock::time_point phaseEnds_{};
    LoopLagMeter::Clock::time_point sendBegan_{};
    FrozenRun run_;
    FrozenProgress shown_; // both ways, as far as run, for the trace
    int ticksSinceShown_ = 0;
};

} // namespace stampede
