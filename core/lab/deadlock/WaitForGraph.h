#pragma once

#include "core/lab/deadlock/WaitForState.h"

#include <chrono>
#include <mutex>

namespace stampede {

// The live wait-for graph the deadlock demo's threads keep up to date and its watchdog and
// window read. One mutex guards it; it is taken for a few instructions at a time and never
// while a thread waits for one of the demo's own locks.
class WaitForGraph {
public:
    using Clock = std::chrono::steady_clock;

    explicit WaitForGraph(int threads); // as many locks as threads, as in the ring

    void waiting(int thread, int lock);
    void acquired(int thread, int lock); // progress: the watchdog's clock restarts
    void released(int thread, int lock);
    void gaveUp(int thread); // stops waiting without the lock

    WaitForState state() const;
    Clock::time_point lastProgress() const;

private:
    mutable std::mutex mutex_;
    WaitForState state_;
    Clock::time_point lastProgress_;
};

} // namespace stampede
