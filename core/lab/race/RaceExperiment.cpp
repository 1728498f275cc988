#include "core/lab/race/RaceExperiment.h"

#include "core/lab/race/RaceCounter.h"
#include "core/lab/race/WalletRace.h"
#include "core/sys/ThreadName.h"

#include <chrono>

namespace stampede {

RaceExperiment::RaceExperiment(const RaceOptions& settings)
    : settings_(settings) {}

void RaceExperiment::start() {
    thread_.start(1, [this](std::stop_token stop, int) { runAll(stop); });
}

RaceReport RaceExperiment::progress() const {
    const bool ended = thread_.ended(); // first: once true, every outcome is in report_
    const std::lock_guard lock(mutex_);
    RaceReport report = report_;
    report.finished = ended;
    return report;
}

void RaceExperiment::publish(std::vector<RaceOutcome> RaceReport::*list, RaceOutcome outcome,
                             double startedMs) {
    outcome.startedMs = startedMs;
    const std::lock_guard lock(mutex_);
    (report_.*list).push_back(std::move(outcome));
}

void RaceExperiment::runAll(std::stop_token stop) {
    setCurrentThreadName("race-run");
    const auto started = std::chrono::steady_clock::now();
    const auto now = [started] {
        return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
            .count();
    };
    for (RaceMode mode : settings_.modes) {
        if (stop.stop_requested())
            break;
        const double at = now();
        publish(&RaceReport::modes,
                RaceCounter::run(mode, settings_.threads, settings_.increments, stop), at);
    }
    if (settings_.sweep)
        for (std::uint64_t n = 1; n <= RaceOptions::kSweepLargest && !stop.stop_requested();
             n *= 10) {
            const double at = now();
            publish(&RaceReport::sweep,
                    RaceCounter::run(RaceMode::Unsynchronised, settings_.threads, n, stop), at);
        }
    if (settings_.wallet)
        for (bool locked : {false, true})
            if (!stop.stop_requested()) {
                const double at = now();
                publish(&RaceReport::wallet,
                        WalletRace::run(locked, settings_.threads, settings_.increments, stop), at);
            }
}

} // namespace stampede
