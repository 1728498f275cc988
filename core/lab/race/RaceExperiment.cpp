#include "core/lab/race/RaceExperiment.h"

#include "core/lab/race/RaceCounter.h"
#include "core/lab/race/WalletRace.h"
#include "core/sys/ThreadName.h"

namespace stampede {

RaceExperiment::RaceExperiment(const RaceSettings& settings)
    : settings_(settings)
    , thread_([this](std::stop_token stop) { runAll(stop); }) {}

RaceExperiment::~RaceExperiment() {
    thread_.request_stop();
}

bool RaceExperiment::waitFor(std::chrono::milliseconds timeout) const {
    std::unique_lock lock(mutex_);
    return changed_.wait_for(lock, timeout, [this] { return report_.finished; });
}

RaceReport RaceExperiment::report() const {
    const std::lock_guard lock(mutex_);
    return report_;
}

void RaceExperiment::publish(std::vector<RaceOutcome> RaceReport::*list,
                             const RaceOutcome& outcome) {
    const std::lock_guard lock(mutex_);
    (report_.*list).push_back(outcome);
}

void RaceExperiment::runAll(std::stop_token stop) {
    setCurrentThreadName("race-run");
    for (RaceMode mode : settings_.modes) {
        if (stop.stop_requested())
            break;
        publish(&RaceReport::modes,
                RaceCounter::run(mode, settings_.threads, settings_.increments, stop));
    }
    if (settings_.sweep)
        for (std::uint64_t n = 1; n <= RaceSettings::kSweepLargest && !stop.stop_requested();
             n *= 10)
            publish(&RaceReport::sweep,
                    RaceCounter::run(RaceMode::Unsynchronised, settings_.threads, n, stop));
    if (settings_.wallet)
        for (bool locked : {false, true})
            if (!stop.stop_requested())
                publish(&RaceReport::wallet,
                        WalletRace::run(locked, settings_.threads, settings_.increments, stop));
    const std::lock_guard lock(mutex_);
    report_.finished = true;
    changed_.notify_all();
}

} // namespace stampede
