#include "core/lab/StopAware.h"

#include <condition_variable>

namespace stampede {

bool tryLockFor(std::timed_mutex& mutex, std::chrono::milliseconds timeout) {
    return mutex.try_lock_until(std::chrono::system_clock::now() + timeout);
}

bool lockUnlessStopped(std::timed_mutex& mutex, std::stop_token stop,
                       std::chrono::milliseconds slice) {
    while (!stop.stop_requested())
        if (tryLockFor(mutex, slice))
            return true;
    return false;
}

bool sleepUnlessStopped(std::stop_token stop, std::chrono::steady_clock::duration duration) {
    // A private mutex and condition: nobody notifies them, only the stop token wakes the wait.
    std::mutex mutex;
    std::condition_variable_any wake;
    std::unique_lock lock(mutex);
    wake.wait_for(lock, stop, duration, [] { return false; });
    return !stop.stop_requested();
}

} // namespace stampede
