#pragma once

#include "core/lab/deadlock/DeadlockDetection.h"
#include "core/lab/deadlock/WaitForGraph.h"

#include <atomic>
#include <chrono>
#include <latch>
#include <mutex>
#include <stop_token>
#include <vector>

namespace stampede {

// N threads in a ring, thread i taking lock i and then lock i+1 (mod N): all of them hold
// their first lock before any asks for its second, so the deadlock is certain. Locks are
// taken with timed tries, so a stop request always gets every thread out; a watchdog on the
// calling thread notices that no lock was taken for a while and finds the wait-for cycle.
class DeadlockRing {
public:
    DeadlockRing(int threads, std::chrono::milliseconds hold,
                 std::chrono::milliseconds stallTimeout);

    // Starts the ring, watches it, and once the cycle is found (or `stop` is requested)
    // asks every thread to give up; returns after all of them have ended.
    DeadlockDetection run(std::stop_token stop);

    WaitForState state() const { return graph_.state(); }
    int liveThreads() const { return live_.load(); }

private:
    void work(std::stop_token stop, int thread);
    DeadlockDetection watch(std::stop_token stop, std::chrono::steady_clock::time_point started);

    const int threads_;
    const std::chrono::milliseconds hold_;
    const std::chrono::milliseconds stallTimeout_;
    std::vector<std::timed_mutex> locks_;
    WaitForGraph graph_;
    std::latch allHoldFirst_;
    std::atomic<int> live_{0};
};

} // namespace stampede
