#pragma once

#include "core/lab/DemoThreads.h"
#include "core/lab/deadlock/DeadlockFix.h"
#include "core/lab/deadlock/DeadlockProgress.h"
#include "core/lab/deadlock/DeadlockRing.h"

#include <array>
#include <chrono>
#include <memory>
#include <mutex>
#include <optional>

namespace stampede {

struct DeadlockOptions {
    static constexpr int kMinThreads = 2;
    static constexpr int kMaxThreads = 8;

    int threads = 2;
    std::chrono::milliseconds hold{20};          // first lock held before asking for the second
    std::chrono::milliseconds stallTimeout{300}; // no lock taken for this long: stalled
    int fixRounds = 20;                          // per thread, for each fix
    std::chrono::milliseconds fixHold{2};
    std::chrono::milliseconds fixDeadline{20'000}; // a fix not done by then is stopped
    std::uint64_t seed = 42;
};

// The deadlock lesson in two acts on a thread named lock-watchdog: a ring of threads
// deadlocks and the watchdog finds the cycle and makes everyone give up; then the three fixes
// run the same ring side by side and finish. The window polls progress(); the terminal waits.
// A LabDemo: destroying it asks everything to stop and joins every thread.
class DeadlockDemo {
public:
    using Options = DeadlockOptions;
    using Progress = DeadlockProgress;

    explicit DeadlockDemo(DeadlockOptions options);

    DeadlockDemo(const DeadlockDemo&) = delete;
    DeadlockDemo& operator=(const DeadlockDemo&) = delete;

    void start(); // once
    void requestStop() { coordinator_.requestStop(); }
    // True once every thread has ended.
    bool wait(std::chrono::milliseconds timeout) const { return coordinator_.wait(timeout); }
    DeadlockProgress progress() const;

    static constexpr std::array kStrategies{FixStrategy::GlobalOrder, FixStrategy::ScopedLock,
                                            FixStrategy::Backoff};

private:
    void run(std::stop_token stop);
    void runFixes(std::stop_token stop);
    void setPhase(DeadlockProgress::Phase phase);

    const DeadlockOptions options_;
    DeadlockRing ring_;
    std::array<std::unique_ptr<DeadlockFix>, kStrategies.size()> fixes_;
    mutable std::mutex mutex_;
    DeadlockProgress::Phase phase_ = DeadlockProgress::Phase::Idle;
    std::optional<DeadlockDetection> detection_;
    bool fixesStarted_ = false;
    DemoThreads coordinator_; // last: joined before the rest goes away
};

} // namespace stampede
