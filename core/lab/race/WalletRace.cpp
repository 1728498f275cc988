#include "core/lab/race/WalletRace.h"

#include "core/lab/race/StartTogether.h"

#include <atomic>
#include <mutex>

namespace stampede {

RaceOutcome WalletRace::run(bool locked, int threads, std::uint64_t transactions,
                            std::stop_token stop) {
    const int spenders = threads / 2;
    const int savers = threads - spenders;
    RaceOutcome outcome;
    outcome.mode = locked ? RaceMode::Mutex : RaceMode::Unsynchronised;
    outcome.threads = threads;
    outcome.increments = transactions;
    outcome.expected = kOpeningBalance + std::int64_t(transactions) * kAmount * (savers - spenders);
    // Thread i saves when i < savers, else spends.
    const auto amountFor = [savers](int i) { return i < savers ? kAmount : -kAmount; };
    // The balance is an atomic in both modes so the unsynchronised one stays free of undefined
    // behaviour; under the mutex its accesses are ordered by the lock anyway.
    // volatile: otherwise the compiler may merge the unlocked mode's relaxed loads and stores
    // across iterations (see RaceCounter), and the race would happen once per loop, not per
    // transaction.
    volatile std::atomic<std::int64_t> balance{kOpeningBalance};
    std::mutex mutex;
    outcome.setTimes(startTogether(threads, "wallet", stop, [&](int i, std::stop_token s) {
        const std::int64_t amount = amountFor(i);
        for (std::uint64_t done = 0; done < transactions; ++done) {
            if ((done & 0xffff) == 0 && s.stop_requested())
                break;
            std::unique_lock lock(mutex, std::defer_lock);
            if (locked)
                lock.lock();
            const std::int64_t seen = balance.load(std::memory_order_relaxed);
            balance.store(seen + amount, std::memory_order_relaxed);
        }
    }));
    outcome.actual = balance.load();
    outcome.stopped = stop.stop_requested();
    return outcome;
}

} // namespace stampede
