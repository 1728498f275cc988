#pragma once

#include <chrono>
#include <mutex>
#include <stop_token>

namespace stampede {

// Waiting that a stop request always ends, so a demo thread never outlives its demo: every
// blocking step of the lab's threads is one of these or is bounded by itself.

// One timed try for `mutex`. Measured on the system clock on purpose: for steady_clock,
// libstdc++ calls pthread_mutex_clocklock, which GCC 12's ThreadSanitizer does not intercept,
// so it would miss the lock and report its unlock as an error; pthread_mutex_timedlock it
// sees. A clock step only lengthens or shortens one short try.
bool tryLockFor(std::timed_mutex& mutex, std::chrono::milliseconds timeout);

// Takes `mutex` in short timed slices until it gets it (true) or a stop is requested (false).
bool lockUnlessStopped(std::timed_mutex& mutex, std::stop_token stop,
                       std::chrono::milliseconds slice = std::chrono::milliseconds(5));

// Sleeps for `duration`, waking at once on a stop request. True when it slept the whole time.
bool sleepUnlessStopped(std::stop_token stop, std::chrono::steady_clock::duration duration);

} // namespace stampede
