#include "core/lab/barrier/BarrierDemo.h"

#include "core/lab/StopAware.h"
#include "core/lab/pi/SplitMix64.h"
#include "core/sys/ThreadName.h"

#include <algorithm>

namespace stampede {

namespace {

BarrierOptions clamped(BarrierOptions o) {
    o.threads = std::clamp(o.threads, 1, BarrierOptions::kMaxThreads);
    o.phases = std::clamp(o.phases, 1, BarrierOptions::kMaxPhases);
    return o;
}

} // namespace

BarrierDemo::BarrierDemo(BarrierOptions options)
    : options_(clamped(options))
    , workTimes_(workTimes(options_))
    , barrier_(options_.threads, Released{this})
    , timings_(std::size_t(options_.threads),
               std::vector<PhaseTiming>(std::size_t(options_.phases))) {
    for (std::size_t t = 0; t < timings_.size(); ++t)
        for (std::size_t p = 0; p < timings_[t].size(); ++p)
            timings_[t][p].plannedMs = double(workTimes_[t][p].count());
}

std::vector<std::vector<std::chrono::milliseconds>>
BarrierDemo::workTimes(const BarrierOptions& options) {
    std::vector<std::vector<std::chrono::milliseconds>> times;
    const auto mean = double(options.workTime.count());
    for (int t = 0; t < options.threads; ++t) {
        // Each thread its own stream, so adding a thread leaves the others' work as it was.
        SplitMix64 random(SplitMix64::streamOrigin(options.seed, std::uint64_t(t)));
        auto& row = times.emplace_back();
        for (int p = 0; p < options.phases; ++p) {
            const double share = 0.25 + 1.5 * double(random.next() >> 11) * 0x1.0p-53;
            row.emplace_back(static_cast<long long>(mean * share + 0.5));
        }
    }
    return times;
}

void BarrierDemo::start() {
    if (threads_.started())
        return;
    started_ = std::chrono::steady_clock::now();
    const int given =
        threads_.start(options_.threads, [this](std::stop_token stop, int t) { work(stop, t); });
    // Threads the system refused would never arrive: drop them from the barrier in their
    // place, so those that run are not left waiting.
    for (int missing = given; missing < options_.threads; ++missing)
        barrier_.arrive_and_drop();
}

double BarrierDemo::nowMs() const {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started_)
        .count();
}

void BarrierDemo::phaseReleased() {
    const std::lock_guard lock(mutex_);
    releasedMs_.push_back(nowMs());
}

void BarrierDemo::work(std::stop_token stop, int thread) {
    setCurrentThreadName("barrier-" + std::to_string(thread + 1));
    const auto t = std::size_t(thread);
    double from = 0;
    for (int phase = 0; phase < options_.phases; ++phase) {
        const auto p = std::size_t(phase);
        {
            const std::lock_guard lock(mutex_);
            timings_[t][p].workFromMs = from;
        }
        // A stop while working, or one that came while waiting (checked here after every
        // wait): leave the barrier for good, which also counts as arriving in this phase, so
        // no one is left waiting for this thread.
        if (!sleepUnlessStopped(stop, workTimes_[t][p])) {
            barrier_.arrive_and_drop();
            break;
        }
        {
            const std::lock_guard lock(mutex_);
            timings_[t][p].arrivedMs = nowMs();
        }
        barrier_.arrive_and_wait();
        from = nowMs();
        const std::lock_guard lock(mutex_);
        timings_[t][p].continuedMs = from;
    }
    const std::lock_guard lock(mutex_);
    endedMs_ = std::max(endedMs_, nowMs());
}

BarrierProgress BarrierDemo::progress() const {
    BarrierProgress progress;
    progress.threads = options_.threads;
    progress.phases = options_.phases;
    progress.threadsEnded = threads_.ended(); // first: once true, every time is in
    const std::lock_guard lock(mutex_);
    progress.timings = timings_;
    progress.releasedMs = releasedMs_;
    progress.elapsedMs = progress.ended() ? endedMs_ : threads_.started() ? nowMs() : 0;
    // Not the count of releases: once every thread has dropped out on a stop, the barrier
    // still completes the phase they left.
    progress.stopped = progress.ended() &&
                       std::any_of(timings_.begin(), timings_.end(),
                                   [](const auto& thread) { return !thread.back().continued(); });
    return progress;
}

} // namespace stampede
