#include "core/lab/deadlock/DeadlockFix.h"

#include "core/lab/StopAware.h"
#include "core/sys/ThreadName.h"

#include <algorithm>

namespace stampede {

using namespace std::chrono_literals;

namespace {

std::string threadPrefix(FixStrategy strategy) {
    switch (strategy) {
    case FixStrategy::GlobalOrder:
        return "order-";
    case FixStrategy::ScopedLock:
        return "scoped-";
    case FixStrategy::Backoff:
        return "backoff-";
    }
    return "fix-";
}

} // namespace

DeadlockFix::DeadlockFix(FixStrategy strategy, FixOptions options)
    : strategy_(strategy)
    , options_(options)
    , locks_(static_cast<std::size_t>(options.threads)) {}

void DeadlockFix::start() {
    started_ = std::chrono::steady_clock::now();
    workers_.start(options_.threads, [this](std::stop_token stop, int i) { work(stop, i); });
}

FixResult DeadlockFix::result() const {
    FixResult result;
    result.strategy = strategy_;
    result.done = done();
    result.finished = result.done && completed_.load() == options_.threads;
    result.rounds = rounds_.load();
    result.backoffs = backoffs_.load();
    if (result.done)
        result.elapsed = std::chrono::milliseconds(lastEndMs_.load());
    else if (workers_.started())
        result.elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(
            std::chrono::steady_clock::now() - started_);
    return result;
}

void DeadlockFix::work(std::stop_token stop, int thread) {
    setCurrentThreadName(threadPrefix(strategy_) + std::to_string(thread + 1));
    std::mt19937_64 random(options_.seed + static_cast<std::uint64_t>(thread));
    int done = 0;
    while (done < options_.roundsPerThread && round(stop, thread, random)) {
        ++done;
        ++rounds_;
    }
    if (done == options_.roundsPerThread)
        ++completed_;
    const auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::steady_clock::now() - started_);
    // The fix's time is its slowest thread's: keep the latest end.
    std::int64_t seen = lastEndMs_.load();
    while (seen < elapsed.count() && !lastEndMs_.compare_exchange_weak(seen, elapsed.count())) {
    }
}

bool DeadlockFix::round(std::stop_token stop, int thread, std::mt19937_64& random) {
    const int first = thread;
    const int second = (thread + 1) % options_.threads;
    switch (strategy_) {
    case FixStrategy::GlobalOrder:
        return orderedRound(stop, std::min(first, second), std::max(first, second));
    case FixStrategy::ScopedLock:
        return scopedRound(stop, first, second);
    case FixStrategy::Backoff:
        return backoffRound(stop, first, second, random);
    }
    return false;
}

bool DeadlockFix::orderedRound(std::stop_token stop, int first, int second) {
    // The same steps as the ring, only the order differs: the highest lock is never held
    // while a lower one is awaited, so no wait can go round in a circle.
    auto& a = locks_[static_cast<std::size_t>(first)];
    auto& b = locks_[static_cast<std::size_t>(second)];
    if (!lockUnlessStopped(a, stop))
        return false;
    const std::lock_guard holdA(a, std::adopt_lock);
    if (!sleepUnlessStopped(stop, options_.hold) || !lockUnlessStopped(b, stop))
        return false;
    const std::lock_guard holdB(b, std::adopt_lock);
    return true;
}

bool DeadlockFix::scopedRound(std::stop_token stop, int first, int second) {
    // std::lock's algorithm never holds one lock while blocking on another: it takes one,
    // tries the other, and on failure releases and starts again from the busy one.
    const std::scoped_lock both(locks_[static_cast<std::size_t>(first)],
                                locks_[static_cast<std::size_t>(second)]);
    return sleepUnlessStopped(stop, options_.hold);
}

bool DeadlockFix::backoffRound(std::stop_token stop, int first, int second,
                               std::mt19937_64& random) {
    auto& a = locks_[static_cast<std::size_t>(first)];
    auto& b = locks_[static_cast<std::size_t>(second)];
    std::uniform_int_distribution<int> pauseMs(1, 4 * static_cast<int>(options_.hold.count()) + 1);
    while (!stop.stop_requested()) {
        if (!lockUnlessStopped(a, stop))
            return false;
        std::unique_lock holdA(a, std::adopt_lock);
        if (!sleepUnlessStopped(stop, options_.hold))
            return false;
        if (tryLockFor(b, options_.hold)) {
            const std::lock_guard holdB(b, std::adopt_lock);
            return true;
        }
        // Dropping the first lock breaks "hold and wait"; a random pause keeps the threads
        // from retrying in lockstep and colliding again (a livelock).
        holdA.unlock();
        ++backoffs_;
        if (!sleepUnlessStopped(stop, std::chrono::milliseconds(pauseMs(random))))
            return false;
    }
    return false;
}

} // namespace stampede
