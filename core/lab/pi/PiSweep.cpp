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
    return progress;
}

void PiSweep::sweep(std::stop_token stop) {
    setCurrentThreadName("pi-sweep");
    PiOptions settings = settings_;
    settings.targetError.reset();
    double oneThreadSeconds = 0;
    for (int threads = 1; threads <= maxThreads_ && !stop.stop_requested(); ++threads) {
        settings.threads = threads;
        const PiProgress run = PiEstimator::run(settings, stop);
        if (run.stopped)
            break;
        if (threads == 1)
            oneThreadSeconds = run.seconds;
        const PiSweepRow row{threads, run.seconds,
                             run.seconds > 0 ? oneThreadSeconds / run.seconds : 1.0,
                             run.samplesPerSecond(), run.tally.estimate()};
        const std::lock_guard lock(mutex_);
        rows_.push_back(row);
    }
}

std::optional<AmdahlFit> PiSweep::fit(const std::vector<PiSweepRow>& rows, int cores) {
    std::vector<AmdahlFit::Point> points;
    for (const PiSweepRow& row : rows)
        if (row.threads <= cores)
            points.push_back({row.threads, row.speedup});
    return AmdahlFit::fit(points);
}

int PiSweep::hardwareCores() {
    return std::max(1, int(std::thread::hardware_concurrency()));
}

} // namespace stampede
