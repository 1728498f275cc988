#include "core/lab/semaphore/SemaphoreDemo.h"

#include "core/lab/StopAware.h"
#include "core/sys/ThreadName.h"

#include <algorithm>
#include <random>

namespace stampede {

using namespace std::chrono_literals;

SemaphoreDemo::SemaphoreDemo(SemaphoreOptions options)
    : options_(options)
    , jobTimes_(jobTimes(options))
    , slots_(std::clamp(options.limit, 1, SemaphoreOptions::kMaxLimit))
    , jobs_(static_cast<std::size_t>(options.jobs)) {
    for (int i = 0; i < options_.jobs; ++i) {
        jobs_[static_cast<std::size_t>(i)].job = i;
        jobs_[static_cast<std::size_t>(i)].plannedMs =
            static_cast<double>(jobTimes_[static_cast<std::size_t>(i)].count());
    }
}

std::vector<std::chrono::milliseconds> SemaphoreDemo::jobTimes(const SemaphoreOptions& options) {
    std::mt19937_64 random(options.seed);
    const auto mean = static_cast<double>(options.jobTime.count());
    std::uniform_real_distribution<double> share(0.5, 1.5);
    std::vector<std::chrono::milliseconds> times;
    for (int i = 0; i < options.jobs; ++i)
        times.emplace_back(static_cast<long long>(mean * share(random) + 0.5));
    return times;
}

void SemaphoreDemo::start() {
    if (workers_.started())
        return;
    started_ = std::chrono::steady_clock::now();
    workers_.start(options_.jobs, [this](std::stop_token stop, int i) { job(stop, i); });
}

SemaphoreProgress SemaphoreDemo::progress() const {
    SemaphoreProgress progress;
    progress.limit = options_.limit;
    progress.threadsEnded = workers_.ended(); // first: once true, every job's times are in
    const std::lock_guard lock(mutex_);
    progress.jobs = jobs_;
    progress.active = active_;
    progress.maxActive = maxActive_;
    progress.elapsedMs = progress.ended() ? endedMs_ : workers_.started() ? nowMs() : 0;
    progress.stopped = progress.ended() && progress.finishedJobs() < options_.jobs;
    return progress;
}

double SemaphoreDemo::nowMs() const {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started_)
        .count();
}

void SemaphoreDemo::changeActive(int delta, double ms) {
    running_ += delta;
    maxActive_ = std::max(maxActive_, running_);
    active_.push_back({ms, running_});
}

void SemaphoreDemo::job(std::stop_token stop, int index) {
    setCurrentThreadName("job-" + std::to_string(index + 1));
    JobTiming& timing = jobs_[static_cast<std::size_t>(index)];
    {
        const std::lock_guard lock(mutex_);
        timing.queuedMs = nowMs();
    }
    bool acquired = false;
    while (!stop.stop_requested() && !(acquired = slots_.try_acquire_for(5ms))) {
    }
    if (acquired) {
        {
            // Counted after the slot is ours and uncounted before it is given back, so the
            // count can never exceed the semaphore's limit.
            const std::lock_guard lock(mutex_);
            timing.startedMs = nowMs();
            changeActive(+1, timing.startedMs);
        }
        const bool worked = sleepUnlessStopped(stop, jobTimes_[static_cast<std::size_t>(index)]);
        {
            const std::lock_guard lock(mutex_);
            const double now = nowMs();
            if (worked)
                timing.finishedMs = now;
            changeActive(-1, now);
        }
        slots_.release();
    }
    const std::lock_guard lock(mutex_);
    endedMs_ = std::max(endedMs_, nowMs());
}

} // namespace stampede
