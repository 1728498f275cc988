#include "core/lab/deadlock/DeadlockDemo.h"

#include "core/lab/StopAware.h"
#include "core/sys/ThreadName.h"

#include <thread>

namespace stampede {

using namespace std::chrono_literals;

DeadlockDemo::DeadlockDemo(DeadlockOptions options)
    : options_(options)
    , ring_(options.threads, options.hold, options.stallTimeout) {
    for (std::size_t i = 0; i < kStrategies.size(); ++i)
        fixes_[i] = std::make_unique<DeadlockFix>(kStrategies[i],
                                                  FixOptions{.threads = options.threads,
                                                             .roundsPerThread = options.fixRounds,
                                                             .hold = options.fixHold,
                                                             .seed = options.seed});
}

void DeadlockDemo::start() {
    if (coordinator_.started())
        return;
    setPhase(DeadlockProgress::Phase::Deadlocking);
    coordinator_.start(1, [this](std::stop_token stop, int) { run(stop); });
}

DeadlockProgress DeadlockDemo::progress() const {
    DeadlockProgress progress;
    progress.threads = options_.threads;
    {
        const std::lock_guard lock(mutex_);
        progress.phase = phase_;
        progress.detection = detection_;
        if (fixesStarted_)
            for (const auto& fix : fixes_)
                progress.fixes.push_back(fix->result());
    }
    progress.graph = progress.detection ? progress.detection->state : ring_.state();
    return progress;
}

void DeadlockDemo::run(std::stop_token stop) {
    setCurrentThreadName("lock-watchdog");
    DeadlockDetection detection = ring_.run(stop);
    {
        const std::lock_guard lock(mutex_);
        detection_ = std::move(detection);
    }
    if (!stop.stop_requested()) {
        setPhase(DeadlockProgress::Phase::Fixing);
        runFixes(stop);
    }
    setPhase(stop.stop_requested() ? DeadlockProgress::Phase::Stopped
                                   : DeadlockProgress::Phase::Done);
}

void DeadlockDemo::runFixes(std::stop_token stop) {
    {
        const std::lock_guard lock(mutex_);
        for (auto& fix : fixes_)
            fix->start();
        fixesStarted_ = true;
    }
    const auto deadline = std::chrono::steady_clock::now() + options_.fixDeadline;
    auto allDone = [this] {
        for (const auto& fix : fixes_)
            if (!fix->done())
                return false;
        return true;
    };
    while (!allDone() && !stop.stop_requested() && std::chrono::steady_clock::now() < deadline)
        sleepUnlessStopped(stop, 5ms);
    for (auto& fix : fixes_)
        fix->requestStop();
    // The fixes' threads end promptly once asked; their destructors join them later.
    while (!allDone())
        std::this_thread::sleep_for(1ms);
}

void DeadlockDemo::setPhase(DeadlockProgress::Phase phase) {
    const std::lock_guard lock(mutex_);
    phase_ = phase;
}

} // namespace stampede
