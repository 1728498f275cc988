#pragma once

#include "core/lab/DemoThreads.h"
#include "core/lab/semaphore/SemaphoreProgress.h"

#include <chrono>
#include <cstdint>
#include <mutex>
#include <semaphore>
#include <vector>

namespace stampede {

struct SemaphoreOptions {
    static constexpr int kMaxJobs = 200;
    static constexpr int kMaxLimit = 64;

    int jobs = 12;
    int limit = 3;
    std::chrono::milliseconds jobTime{200}; // the mean; each job takes 50–150 % of it
    std::uint64_t seed = 42;                // which job takes how long, the same every run
};

// A thread limiter: one thread per job, all queued at once, at most `limit` of them past a
// std::counting_semaphore at any time. Each job records when it queued, started and
// finished; every start and finish records how many jobs were running. A LabDemo: destroying
// it asks every job to stop and joins them.
class SemaphoreDemo {
public:
    using Options = SemaphoreOptions;
    using Progress = SemaphoreProgress;

    explicit SemaphoreDemo(SemaphoreOptions options);

    SemaphoreDemo(const SemaphoreDemo&) = delete;
    SemaphoreDemo& operator=(const SemaphoreDemo&) = delete;

    void start(); // once
    void requestStop() { workers_.requestStop(); }
    // True once every job thread has ended.
    bool wait(std::chrono::milliseconds timeout) const { return workers_.wait(timeout); }
    SemaphoreProgress progress() const;

    // Each job's length: deterministic for a seed, so a class sees the same chart twice.
    static std::vector<std::chrono::milliseconds> jobTimes(const SemaphoreOptions& options);

private:
    void job(std::stop_token stop, int index);
    double nowMs() const;
    void changeActive(int delta, double ms);

    const SemaphoreOptions options_;
    const std::vector<std::chrono::milliseconds> jobTimes_;
    std::counting_semaphore<SemaphoreOptions::kMaxLimit> slots_;
    std::chrono::steady_clock::time_point started_;
    mutable std::mutex mutex_;
    std::vector<JobTiming> jobs_;
    std::vector<ActiveSample> active_;
    int running_ = 0;
    int maxActive_ = 0;
    double endedMs_ = 0;
    DemoThreads workers_; // last: joined before the rest goes away
};

} // namespace stampede
