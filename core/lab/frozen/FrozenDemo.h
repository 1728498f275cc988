#pragma once

#include "core/engine/RunSnapshot.h"
#include "core/lab/DemoThreads.h"
#include "core/lab/frozen/LoopLagMeter.h"

#include <chrono>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace stampede {

struct FrozenOptions {
    static constexpr std::chrono::milliseconds kMaxBlocking{5000};

    int requests = 5;
    std::chrono::milliseconds delay{400};
    std::string targetUrl; // the embedded target's base URL, http://127.0.0.1:PORT/

    std::string delayPath() const; // "/delay/D"
    std::string delayUrl() const;  // the target's /delay/D
    // Why these cannot run: N × D over 5 s would freeze the window too long to be a lesson.
    std::optional<std::string> problem() const;
};

// One way of sending: what the loop's lag meter saw while the requests went.
struct FrozenRun {
    bool done = false;
    int answered = 0;
    int failed = 0;
    std::string firstError;
    double seconds = 0;
    double maxLagMs = 0;
    std::size_t ticks = 0;
    std::size_t frozenTicks = 0;
    std::vector<LagSample> lags; // every tick's, from the calm before to the calm after
};

// The N requests sent one after the other from the calling thread, each waiting for its
// answer (HttpProbe): the freeze itself, on whichever loop calls it. Counted into `run`.
void sendOneByOne(const FrozenOptions& options, FrozenRun& run);
// An engine run's answers and failures, counted into `run`.
void countAnswers(const RunReport& report, FrozenRun& run);

struct FrozenProgress {
    enum class Phase { Idle, OnTheLoop, OnTheEngine, Done, Stopped, Failed };
    Phase phase = Phase::Idle;
    FrozenRun onTheLoop;   // blocking requests on the loop's own thread
    FrozenRun onTheEngine; // the same requests on engine-io, the loop only told when done
    std::string failure;

    bool ended() const {
        return phase == Phase::Done || phase == Phase::Stopped || phase == Phase::Failed;
    }
    bool failed() const { return phase == Phase::Failed; }
};

// The frozen window, in a terminal: an event loop (its own Asio io_context on a thread named
// frozen-loop, standing in for the window's) runs a timer every 10 ms and measures how late
// each tick comes. First the N requests to /delay/D are sent on that loop's thread, one at a
// time, blocking: no tick runs until they are done, and the lag shows the freeze. Then the
// same requests go to the load engine's own thread while the loop keeps ticking. The window
// runs the same lesson on its real GUI thread (app/gui/lab/FrozenController). A LabDemo.
class FrozenDemo {
public:
    using Options = FrozenOptions;
    using Progress = FrozenProgress;
    static constexpr std::chrono::milliseconds kTick{10};

    explicit FrozenDemo(FrozenOptions options);

    void start();
    void requestStop() { thread_.requestStop(); }
    bool wait(std::chrono::milliseconds timeout) const { return thread_.wait(timeout); }
    FrozenProgress progress() const;

private:
    void run(std::stop_token stop);
    void publish(FrozenProgress::Phase phase, const FrozenRun* loop, const FrozenRun* engine,
                 std::string failure = {});

    const FrozenOptions options_;
    mutable std::mutex mutex_;
    FrozenProgress progress_;
    DemoThreads thread_; // last
};

} // namespace stampede
