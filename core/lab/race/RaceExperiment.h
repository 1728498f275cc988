#pragma once

#include "core/lab/DemoThreads.h"
#include "core/lab/race/RaceOptions.h"
#include "core/lab/race/RaceReport.h"

#include <chrono>
#include <mutex>
#include <stop_token>

namespace stampede {

// Runs the chosen race runs one after another on a thread of its own (race-run), so neither
// the GUI nor a Ctrl+C handler waits for them. Each run's outcome is published as soon as it
// ends; progress() copies under a lock held only for that copy and for appending. A LabDemo.
class RaceExperiment {
public:
    using Options = RaceOptions;
    using Progress = RaceReport;

    // The settings must have no problem().
    explicit RaceExperiment(const RaceOptions& settings);

    RaceExperiment(const RaceExperiment&) = delete;
    RaceExperiment& operator=(const RaceExperiment&) = delete;

    void start(); // once
    void requestStop() { thread_.requestStop(); }
    bool wait(std::chrono::milliseconds timeout) const { return thread_.wait(timeout); }
    RaceReport progress() const;

private:
    void runAll(std::stop_token stop);
    // `startedMs`: when the run began, since the experiment started.
    void publish(std::vector<RaceOutcome> RaceReport::*list, RaceOutcome outcome, double startedMs);

    const RaceOptions settings_;
    mutable std::mutex mutex_;
    RaceReport report_;
    DemoThreads thread_; // last: joined before the report it appends to goes away
};

} // namespace stampede
