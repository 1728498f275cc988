#pragma once

#include "core/lab/race/RaceReport.h"
#include "core/lab/race/RaceSettings.h"

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <stop_token>
#include <thread>

namespace stampede {

// Runs the chosen race runs one after another on a thread of its own (race-run), so neither
// the GUI nor a Ctrl+C handler waits for them. Each run's outcome is published as soon as it
// ends; report() copies under a lock held only for that copy and for appending.
class RaceExperiment {
public:
    // The settings must have no problem().
    explicit RaceExperiment(const RaceSettings& settings);
    ~RaceExperiment();

    RaceExperiment(const RaceExperiment&) = delete;
    RaceExperiment& operator=(const RaceExperiment&) = delete;

    void requestStop() { thread_.request_stop(); }
    bool waitFor(std::chrono::milliseconds timeout) const;
    RaceReport report() const;

private:
    void runAll(std::stop_token stop);
    void publish(std::vector<RaceOutcome> RaceReport::*list, const RaceOutcome& outcome);

    const RaceSettings settings_;
    mutable std::mutex mutex_;
    mutable std::condition_variable changed_;
    RaceReport report_;
    std::jthread thread_;
};

} // namespace stampede
