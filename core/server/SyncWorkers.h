#pragma once

#include "core/sys/ThreadPriority.h"

#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <stop_token>
#include <thread>
#include <vector>

namespace stampede {

// The sync server's workers, as a threaded Flask or gunicorn has them: W threads named
// target-worker-K, each taking the next request from one queue and keeping it for its whole
// duration, a delay included, so at most W requests are served at once and the rest wait their
// turn. Stopping drops what is queued, wakes workers from their delays and joins them.
class SyncWorkers {
public:
    using Job = std::function<void(std::stop_token)>;

    SyncWorkers(int count, ThreadPriority priority);
    ~SyncWorkers();

    SyncWorkers(const SyncWorkers&) = delete;
    SyncWorkers& operator=(const SyncWorkers&) = delete;

    void submit(Job job);
    void stop();
    int count() const { return count_; } // as made, stopped or not

    // Blocks the calling worker for `duration`, as a handler that sleeps or waits on a slow
    // database would; false if the server stopped first.
    static bool hold(std::stop_token stop, std::chrono::microseconds duration);

private:
    void work(std::stop_token stop);

    const int count_;
    std::mutex mutex_;
    std::condition_variable_any ready_;
    std::deque<Job> jobs_;
    std::vector<std::jthread> threads_;
};

} // namespace stampede
