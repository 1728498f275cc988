#pragma once

#include "core/lab/DemoThreads.h"
#include "core/lab/pi/GlobalLock.h"
#include "core/lab/pi/PiLane.h"
#include "core/lab/pi/PiOptions.h"
#include "core/lab/pi/PiProgress.h"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <stop_token>
#include <vector>

namespace stampede {

// One Monte Carlo π run on its own threads (pi-1, pi-2, …), from start() until every worker
// has drawn its share, met the target, or seen a stop. Progress is read without locks at any
// time; destroying the estimator stops and joins it within a chunk. A LabDemo.
class PiEstimator {
public:
    using Options = PiOptions;
    using Progress = PiProgress;

    // The settings must have no problem().
    explicit PiEstimator(const PiOptions& settings);

    PiEstimator(const PiEstimator&) = delete;
    PiEstimator& operator=(const PiEstimator&) = delete;

    void start(); // once
    void requestStop() { threads_.requestStop(); }
    bool finished() const { return remaining_.load() == 0; }
    // True when every worker has ended within `timeout`.
    bool wait(std::chrono::milliseconds timeout) const { return threads_.wait(timeout); }
    PiProgress progress() const;
    const PiOptions& settings() const { return settings_; }

    // Runs to the end on the calling thread's watch; a stop on `stop` ends it early.
    static PiProgress run(const PiOptions& settings, std::stop_token stop = {});

private:
    using Clock = std::chrono::steady_clock;

    void work(std::stop_token stop, int index);
    std::uint64_t share(int index) const;
    // Target mode: finds the first round, among those every worker has finished, whose
    // standard error is below the target, and lowers stopRound_ to it.
    void lowerStopRound(std::uint64_t& checkedRounds);
    void finishWorker();
    PiTally tallyOfRound(std::uint64_t round) const;
    double msSinceStart(Clock::time_point t) const;
    std::vector<PiTally> checkpointTallies() const;

    const PiOptions settings_;
    const std::uint64_t maxRounds_;
    Clock::time_point started_ = Clock::now();
    const std::vector<std::uint64_t> checkpoints_;
    std::vector<std::unique_ptr<PiLane>> lanes_;
    std::atomic<std::uint64_t> stopRound_;
    std::atomic<int> remaining_;
    std::atomic<std::int64_t> finishedNanos_{0};
    std::atomic<bool> stoppedEarly_{false};
    std::mutex doneMutex_; // the last worker's end time is stored before the count reaches 0
    GlobalLock gil_;       // taken around every chunk when settings_.gil
    // Last: joined before the lanes they write are destroyed.
    DemoThreads threads_;
};

} // namespace stampede
