#pragma once

#include "core/lab/DemoThreads.h"
#include "core/lab/barrier/BarrierProgress.h"

#include <barrier>
#include <chrono>
#include <cstdint>
#include <mutex>
#include <vector>

namespace stampede {

struct BarrierOptions {
    static constexpr int kMaxThreads = 16;
    static constexpr int kMaxPhases = 50;

    int threads = 4;
    int phases = 5;
    std::chrono::milliseconds workTime{200}; // the mean; each piece takes 25–175 % of it
    std::uint64_t seed = 42;                 // who works how long in which phase, every run
};

// N threads work unevenly in M phases and meet at a std::barrier after each one, so the
// slowest sets the pace. Each records when it began work, arrived and went on; the barrier's
// completion records when it released each phase. A thread told to stop drops out of the
// barrier (arrive_and_drop), so it never leaves the others waiting for it. A LabDemo:
// destroying it stops and joins.
class BarrierDemo {
public:
    using Options = BarrierOptions;
    using Progress = BarrierProgress;

    explicit BarrierDemo(BarrierOptions options);

    BarrierDemo(const BarrierDemo&) = delete;
    BarrierDemo& operator=(const BarrierDemo&) = delete;

    void start(); // once
    void requestStop() { threads_.requestStop(); }
    bool wait(std::chrono::milliseconds timeout) const { return threads_.wait(timeout); }
    BarrierProgress progress() const;

    // [thread][phase] work lengths: deterministic for a seed.
    static std::vector<std::vector<std::chrono::milliseconds>>
    workTimes(const BarrierOptions& options);

private:
    // The barrier's completion step: it runs once per phase, after the last arrival and
    // before anyone goes on. std::barrier wants it noexcept.
    struct Released {
        BarrierDemo* demo;
        void operator()() const noexcept { demo->phaseReleased(); }
    };

    void work(std::stop_token stop, int thread);
    void phaseReleased();
    double nowMs() const;

    const BarrierOptions options_;
    const std::vector<std::vector<std::chrono::milliseconds>> workTimes_;
    std::chrono::steady_clock::time_point started_;
    std::barrier<Released> barrier_;
    mutable std::mutex mutex_;
    std::vector<std::vector<PhaseTiming>> timings_;
    std::vector<double> releasedMs_;
    double endedMs_ = 0;
    DemoThreads threads_; // last: joined before the barrier goes away
};

} // namespace stampede
