#include "core/lab/race/RaceCounter.h"

#include "core/lab/race/StartTogether.h"

#include <algorithm>
#include <atomic>
#include <mutex>
#include <numeric>
#include <vector>

namespace stampede {
namespace {

// Stop checks between blocks: often enough to stop within milliseconds, rarely enough not to
// change what is measured.
constexpr std::uint64_t kBlock = 1 << 16;

template <typename Step> void repeat(std::uint64_t times, std::stop_token stop, Step step) {
    for (std::uint64_t done = 0; done < times && !stop.stop_requested();) {
        const std::uint64_t block = std::min(kBlock, times - done);
        for (std::uint64_t i = 0; i < block; ++i)
            step();
        done += block;
    }
}

} // namespace

RaceOutcome RaceCounter::run(RaceMode mode, int threads, std::uint64_t increments,
                             std::stop_token stop) {
    RaceOutcome outcome;
    outcome.mode = mode;
    outcome.threads = threads;
    outcome.increments = increments;
    outcome.expected = std::int64_t(threads * increments);
    switch (mode) {
    case RaceMode::Unsynchronised: {
        // volatile: relaxed atomics may legally be merged, and GCC -O3 turned a block of
        // load/store pairs into one, so a million "increments" took 0.06 ms and raced only
        // once per block. Every read and write must really happen for the lesson to be true.
        volatile std::atomic<std::uint64_t> counter{0};
        outcome.setTimes(startTogether(threads, "race", stop, [&](int, std::stop_token s) {
            repeat(increments, s, [&] {
                const std::uint64_t seen = counter.load(std::memory_order_relaxed);
                counter.store(seen + 1, std::memory_order_relaxed);
            });
        }));
        outcome.actual = std::int64_t(counter.load());
        break;
    }
    case RaceMode::Mutex: {
        std::mutex mutex;
        std::uint64_t counter = 0;
        outcome.setTimes(startTogether(threads, "race", stop, [&](int, std::stop_token s) {
            repeat(increments, s, [&] {
                const std::lock_guard lock(mutex);
                ++counter;
            });
        }));
        outcome.actual = std::int64_t(counter);
        break;
    }
    case RaceMode::Atomic: {
        std::atomic<std::uint64_t> counter{0};
        outcome.setTimes(startTogether(threads, "race", stop, [&](int, std::stop_token s) {
            repeat(increments, s, [&] { counter.fetch_add(1, std::memory_order_relaxed); });
        }));
        outcome.actual = std::int64_t(counter.load());
        break;
    }
    case RaceMode::PerThread: {
        // Written once per thread at its end, each in its own slot; read after the join.
        std::vector<std::uint64_t> sums(threads);
        outcome.setTimes(startTogether(threads, "race", stop, [&](int i, std::stop_token s) {
            std::uint64_t local = 0;
            repeat(increments, s, [&] { ++local; });
            sums[i] = local;
        }));
        outcome.actual = std::int64_t(std::accumulate(sums.begin(), sums.end(), std::uint64_t{0}));
        break;
    }
    }
    outcome.stopped = stop.stop_requested();
    return outcome;
}

} // namespace stampede
