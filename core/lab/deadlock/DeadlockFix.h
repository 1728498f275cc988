#pragma once

#include "core/lab/DemoThreads.h"
#include "core/lab/deadlock/FixResult.h"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <mutex>
#include <random>
#include <stop_token>
#include <vector>

namespace stampede {

struct FixOptions {
    int threads = 2;
    int roundsPerThread = 20;
    std::chrono::milliseconds hold{2}; // between the first lock and the second, as in the ring
    std::uint64_t seed = 42;           // for the back-off's random waits
};

// The same ring as the deadlock (thread i wants locks i and i+1 mod N), repeated for a number
// of rounds under one fix. Counters are atomics, so the window can read them while it runs.
class DeadlockFix {
public:
    // Destroying it asks the threads to stop and joins them.
    DeadlockFix(FixStrategy strategy, FixOptions options);

    DeadlockFix(const DeadlockFix&) = delete;
    DeadlockFix& operator=(const DeadlockFix&) = delete;

    void start();
    void requestStop() { workers_.requestStop(); }
    bool done() const { return workers_.ended(); }
    FixResult result() const;

private:
    void work(std::stop_token stop, int thread);
    bool round(std::stop_token stop, int thread, std::mt19937_64& random);
    bool orderedRound(std::stop_token stop, int first, int second);
    bool scopedRound(std::stop_token stop, int first, int second);
    bool backoffRound(std::stop_token stop, int first, int second, std::mt19937_64& random);

    const FixStrategy strategy_;
    const FixOptions options_;
    std::vector<std::timed_mutex> locks_;
    std::chrono::steady_clock::time_point started_;
    std::atomic<int> rounds_{0};
    std::atomic<int> backoffs_{0};
    std::atomic<int> completed_{0}; // threads that did every round
    std::atomic<std::int64_t> lastEndMs_{0};
    DemoThreads workers_; // last: joined before the rest goes away
};

} // namespace stampede
