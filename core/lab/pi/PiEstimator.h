#pragma once

#include "core/lab/pi/PiLane.h"
#include "core/lab/pi/PiProgress.h"
#include "core/lab/pi/PiSettings.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <stop_token>
#include <thread>
#include <vector>

namespace stampede {

// One Monte Carlo π run on its own threads (pi-1, pi-2, …), from construction until every
// worker has drawn its share, met the target, or seen a stop. Progress is read without locks
// at any time; destroying the estimator stops and joins it within a chunk.
class PiEstimator {
public:
    // Starts the workers. The settings must have no problem().
    explicit PiEstimator(const PiSettings& settings);
    ~PiEstimator();

    PiEstimator(const PiEstimator&) = delete;
    PiEstimator& operator=(const PiEstimator&) = delete;

    void requestStop();
    bool finished() const { return remaining_.load() == 0; }
    // True when finished within `timeout`.
    bool waitFor(std::chrono::milliseconds timeout) const;
    PiProgress progress() const;
    const PiSettings& settings() const { return settings_; }

    // Runs to the end on the calling thread's watch; a stop on `stop` ends it early.
    static PiProgress run(const PiSettings& settings, std::stop_token stop = {});

private:
    using Clock = std::chrono::steady_clock;

    void work(std::stop_token stop, int index);
    std::uint64_t share(int index) const;
    // Target mode: finds the first round, among those every worker has finished, whose
    // standard error is below the target, and lowers stopRound_ to it.
    void lowerStopRound(std::uint64_t& checkedRounds);
    void finishWorker();
    PiTally tallyOfRound(std::uint64_t round) const;
    std::vector<PiTally> checkpointTallies() const;

    const PiSettings settings_;
    const std::uint64_t maxRounds_;
    const Clock::time_point started_ = Clock::now();
    const std::vector<std::uint64_t> checkpoints_;
    std::vector<std::unique_ptr<PiLane>> lanes_;
    std::atomic<std::uint64_t> stopRound_;
    std::atomic<int> remaining_;
    std::atomic<std::int64_t> finishedNanos_{0};
    std::atomic<bool> stoppedEarly_{false};
    mutable std::mutex doneMutex_;
    mutable std::condition_variable doneChanged_;
    // Last: joined before the lanes they write are destroyed.
    std::vector<std::jthread> workers_;
};

} // namespace stampede
