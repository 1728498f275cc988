#pragma once

#include "core/engine/LoadEngine.h"
#include "core/lab/DemoThreads.h"
#include "core/lab/async/AsyncProgress.h"
#include "core/lab/async/CompletionCollector.h"

#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace stampede {

struct AsyncOptions {
    static constexpr int kMaxRequests = 200; // a Gantt chart still reads at this many rows
    static constexpr int kMaxTimeoutMs = 60'000;

    int requests = 10;
    std::vector<AsyncMode> modes{std::begin(kAsyncModes), std::end(kAsyncModes)};
    std::chrono::milliseconds timeout{250}; // the timeout mode's T
    std::uint64_t seed = 42;
    std::string latency = "uniform:50-500"; // a LatencySpec: fixed:MS, uniform:A-B, exp:MEAN
    std::string targetUrl; // the embedded target's base URL, e.g. http://127.0.0.1:PORT/

    // What is wrong with the latency spec, if anything.
    std::optional<std::string> latencyProblem() const;
    // Each request's delay in whole milliseconds, drawn from `latency` with `seed`: the same
    // seed, the same delays in the same order, whatever the target did before. Empty when
    // the spec is bad.
    std::vector<int> plannedDelays() const;
};

// N requests to the target's /delay/D_i (D_i drawn from the seeded latency) sent at once by
// the real load engine, one run per mode: gather waits for all, as_completed takes each as it
// lands, first completed takes one and cancels the rest, the timeout takes what is done by T
// and cancels the rest. Cancelling is the engine's stop, which resets every connection still
// waiting. Runs on a thread named async-demo; a LabDemo.
class AsyncDemo {
public:
    using Options = AsyncOptions;
    using Progress = AsyncProgress;

    explicit AsyncDemo(AsyncOptions options);

    AsyncDemo(const AsyncDemo&) = delete;
    AsyncDemo& operator=(const AsyncDemo&) = delete;

    void start(); // once
    // Only the runner talks to the engine; it passes the request on at once.
    void requestStop() { runner_.requestStop(); }
    bool wait(std::chrono::milliseconds timeout) const { return runner_.wait(timeout); }
    AsyncProgress progress() const;

private:
    using Clock = std::chrono::steady_clock;
    struct Round {
        AsyncMode mode = AsyncMode::Gather;
        std::shared_ptr<CompletionCollector> sink = std::make_shared<CompletionCollector>();
        bool started = false;
        bool ended = false;
        bool stoppedByUser = false;
        std::optional<double> cancelledAtMs;
        Clock::time_point startedAt;
    };

    void run(std::stop_token stop);
    bool runRound(std::stop_token stop, Round& round);
    // Waits for the run to end, passing a stop request on; true if it ended by itself.
    void setPhase(AsyncProgress::Phase phase, std::string failure = {});

    const AsyncOptions options_;
    const std::vector<int> planned_;
    LoadEngine engine_;
    mutable std::mutex mutex_;
    AsyncProgress::Phase phase_ = AsyncProgress::Phase::Idle;
    std::string failure_;
    std::vector<Round> rounds_; // their sinks lock themselves; the rest is guarded by mutex_
    DemoThreads runner_;        // last: joined before the engine goes away
};

} // namespace stampede
