#include "core/lab/pi/PiSweep.h"

#include "core/lab/pi/PiEstimator.h"
#include "core/sys/ThreadName.h"

#include <algorithm>

namespace stampede {

PiSweep::PiSweep(const PiSettings& settings, int maxThreads)
    : settings_(settings)
    , maxThreads_(std::clamp(maxThreads, 1, PiSettings::kMaxThreads))
    , thread_([this](std::stop_token stop) { sweep(stop); }) {}

PiSweep::~PiSweep() {
    thread_.request_stop();
}

bool PiSweep::finished() const {
    const std::lock_guard lock(mutex_);
    return finished_;
}

bool PiSweep::waitFor(std::chrono::milliseconds timeout) const {
    std::unique_lock lock(mutex_);
    return changed_.wait_for(lock, timeout, [this] { return finished_; });
}

std::vector<PiSweepRow> PiSweep::rows() const {
    const std::lock_guard lock(mutex_);
    return rows_;
}

void PiSweep::sweep(std::stop_token stop) {
    setCurrentThreadName("pi-sweep");
    PiSettings settings = settings_;
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
    const std::lock_guard lock(mutex_);
    finished_ = true;
    changed_.notify_all();
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
