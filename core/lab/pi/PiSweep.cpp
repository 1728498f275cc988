#include "core/lab/pi/PiSweep.h"

#include "core/lab/pi/PiEstimator.h"
#include "core/sys/ThreadName.h"

#include <algorithm>
#include <thread>

namespace stampede {

PiSweep::PiSweep(const PiSweepOptions& options)
    : settings_(options.run)
    , maxThreads_(std::clamp(options.maxThreads, 1, PiOptions::kMaxThreads)) {}

void PiSweep::start() {
    thread_.start(1, [this](std::stop_token stop, int) { sweep(stop); });
}

PiSweepProgress PiSweep::progress() const {
    PiSweepProgress progress;
    progress.finished = thread_.ended();
    {
        const std::lock_guard lock(mutex_);
        progress.rows = rows_;
    }
    progress.cores = hardwareCores();
    progress.fit = fit(progress.rows, progress.cores);
    progress.gilFit = fit(progress.rows, progress.cores, true);
    return progress;
}

void PiSweep::sweep(std::stop_token stop) {
    setCurrentThreadName("pi-sweep");
    PiOptions settings = settings_;
    settings.targetError.reset();
    const auto sweepStarted = std::chrono::steady_clock::now();
    for (const bool gil : {false, true}) {
        if (gil && !settings_.gil)
            break;
        settings.gil = gil;
        double oneThreadSeconds = 0;
        for (int threads = 1; threads <= maxThreads_; ++threads) {
            if (stop.stop_requested())
                return;
            settings.threads = threads;
            const double startedMs = std::chrono::duration<double, std::milli>(
                                         std::chrono::steady_clock::now() - sweepStarted)
                                         .count();
            const PiProgress run = PiEstimator::run(settings, stop);
            if (run.stopped)
                return;
            if (threads == 1)
                oneThreadSeconds = run.seconds;
            const PiSweepRow row{threads,
                                 run.seconds,
                                 run.seconds > 0 ? oneThreadSeconds / run.seconds : 1.0,
                                 run.samplesPerSecond(),
                                 run.tally.estimate(),
                                 startedMs,
                                 gil};
            const std::lock_guard lock(mutex_);
            rows_.push_back(row);
        }
    }
}

const PiSweepRow* PiSweep::row(const std::vector<PiSweepRow>& rows, int threads, bool gil) {
    const auto found = std::find_if(rows.begin(), rows.end(), [&](const PiSweepRow& row) {
        return row.threads == threads && row.gil == gil;
    });
    return found == rows.end() ? nullptr : &*found;
}

std::optional<AmdahlFit> PiSweep::fit(const std::vector<PiSweepRow>& rows, int cores, bool gil) {
    std::vector<AmdahlFit::Point> points;
    for (const PiSweepRow& row : rows)
        if (row.threads <= cores && row.gil == gil)
            points.push_back({row.threads, row.speedup});
    return AmdahlFit::fit(points);
}

int PiSweep::hardwareCores() {
    return std::max(1, int(std::thread::hardware_concurrency()));
}

} // namespace stampede
