#include "core/lab/deadlock/DeadlockRing.h"

#include "core/lab/DemoThreads.h"
#include "core/lab/StopAware.h"
#include "core/sys/ThreadName.h"

#include <system_error>
#include <thread>

namespace stampede {

using namespace std::chrono_literals;

DeadlockRing::DeadlockRing(int threads, std::chrono::milliseconds hold,
                           std::chrono::milliseconds stallTimeout)
    : threads_(threads)
    , hold_(hold)
    , stallTimeout_(stallTimeout)
    , locks_(static_cast<std::size_t>(threads))
    , graph_(threads)
    , allHoldFirst_(threads) {}

DeadlockDetection DeadlockRing::run(std::stop_token stop) {
    const auto started = std::chrono::steady_clock::now();
    DeadlockDetection detection;
    {
        DemoThreads workers;
        const int launched =
            workers.start(threads_, [this](std::stop_token token, int i) { work(token, i); });
        // The threads that did start wait for the missing ones at the latch: let them on.
        if (launched < threads_)
            allHoldFirst_.count_down(threads_ - launched);
        detection = watch(stop, started);
        workers.requestStop();
    } // joins every worker
    detection.allThreadsEnded = live_.load() == 0;
    return detection;
}

void DeadlockRing::work(std::stop_token stop, int thread) {
    ++live_;
    setCurrentThreadName("deadlock-" + std::to_string(thread + 1));
    const int first = thread;
    const int second = (thread + 1) % threads_;
    auto& firstLock = locks_[static_cast<std::size_t>(first)];
    auto& secondLock = locks_[static_cast<std::size_t>(second)];

    // Nobody takes a second lock before everyone holds a first one, so this cannot wait.
    graph_.waiting(thread, first);
    const bool holdsFirst = lockUnlessStopped(firstLock, stop);
    if (holdsFirst)
        graph_.acquired(thread, first);
    else
        graph_.gaveUp(thread);
    allHoldFirst_.arrive_and_wait();

    if (holdsFirst && sleepUnlessStopped(stop, hold_)) {
        graph_.waiting(thread, second);
        if (lockUnlessStopped(secondLock, stop)) {
            graph_.acquired(thread, second);
            secondLock.unlock();
            graph_.released(thread, second);
        } else {
            graph_.gaveUp(thread);
        }
    }
    if (holdsFirst) {
        firstLock.unlock();
        graph_.released(thread, first);
    }
    --live_;
}

DeadlockDetection DeadlockRing::watch(std::stop_token stop,
                                      std::chrono::steady_clock::time_point started) {
    DeadlockDetection detection;
    // A ring that somehow stalls without a cycle must not keep the demo forever.
    const auto giveUpAt = started + 10 * stallTimeout_ + 5s;
    while (!stop.stop_requested() && std::chrono::steady_clock::now() < giveUpAt) {
        sleepUnlessStopped(stop, 10ms);
        const auto now = std::chrono::steady_clock::now();
        const auto stalled = now - graph_.lastProgress();
        if (stalled < stallTimeout_)
            continue;
        const WaitForState state = graph_.state();
        const std::vector<int> cycle = state.cycle();
        if (cycle.empty())
            continue;
        detection.detected = true;
        detection.cycle = cycle;
        detection.names = state.describeCycle(cycle);
        detection.state = state;
        detection.detectedAfter =
            std::chrono::duration_cast<std::chrono::milliseconds>(now - started);
        detection.stalledFor = std::chrono::duration_cast<std::chrono::milliseconds>(stalled);
        break;
    }
    if (!detection.detected)
        detection.state = graph_.state();
    return detection;
}

} // namespace stampede
