#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <stop_token>

namespace stampede {

// The π demo's stand-in for CPython's global interpreter lock: one holder at a time, handed
// over in the order threads asked for it. A plain std::mutex would let the thread that just
// released it take it straight back (CPython 3.2 added forced switching for that reason), and
// one worker would draw while the others starve; here every waiter gets its turn, so the
// per-thread bars stay level and only the total shows the lock. Waiters sleep on a condition
// variable, so total CPU stays near one core: what `top` shows for CPython threads.
class GlobalLock {
public:
    // Waits for its turn; false when a stop was requested first (the lock is then not held).
    bool acquire(std::stop_token stop);
    void release();
    // How many threads are in line for it now.
    int waiting() const;

private:
    mutable std::mutex mutex_;
    std::condition_variable_any turn_;
    std::deque<std::uint64_t> waiting_; // tickets, first in line first
    std::uint64_t nextTicket_ = 0;
    bool held_ = false;
};

} // namespace stampede
