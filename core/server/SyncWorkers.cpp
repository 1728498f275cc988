#include "core/server/SyncWorkers.h"

#include "core/sys/ThreadName.h"

namespace stampede {

SyncWorkers::SyncWorkers(int count, ThreadPriority priority)
    : count_(count) {
    for (int k = 1; k <= count; ++k)
        threads_.emplace_back([this, k, priority](std::stop_token stop) {
            setCurrentThreadName("target-worker-" + std::to_string(k));
            applyToCurrentThread(priority);
            work(stop);
        });
}

SyncWorkers::~SyncWorkers() {
    stop();
}

void SyncWorkers::stop() {
    for (auto& thread : threads_)
        thread.request_stop();
    threads_.clear(); // joins
    const std::lock_guard lock(mutex_);
    jobs_.clear();
}

void SyncWorkers::submit(Job job) {
    {
        const std::lock_guard lock(mutex_);
        jobs_.push_back(std::move(job));
    }
    ready_.notify_one();
}

void SyncWorkers::work(std::stop_token stop) {
    for (;;) {
        Job job;
        {
            std::unique_lock lock(mutex_);
            if (!ready_.wait(lock, stop, [this] { return !jobs_.empty(); }))
                return;
            job = std::move(jobs_.front());
            jobs_.pop_front();
        }
        job(stop);
    }
}

bool SyncWorkers::hold(std::stop_token stop, std::chrono::microseconds duration) {
    std::mutex mutex;
    std::condition_variable_any never;
    std::unique_lock lock(mutex);
    never.wait_for(lock, stop, duration, [] { return false; }); // only time or a stop ends it
    return !stop.stop_requested();
}

} // namespace stampede
