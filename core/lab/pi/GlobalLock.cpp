#include "core/lab/pi/GlobalLock.h"

#include <algorithm>

namespace stampede {

bool GlobalLock::acquire(std::stop_token stop) {
    std::unique_lock lock(mutex_);
    const std::uint64_t ticket = nextTicket_++;
    waiting_.push_back(ticket);
    const bool mine = turn_.wait(lock, stop, [&] { return !held_ && waiting_.front() == ticket; });
    if (!mine) {
        // Leave the line, and let whoever is now first see it.
        waiting_.erase(std::find(waiting_.begin(), waiting_.end(), ticket));
        turn_.notify_all();
        return false;
    }
    waiting_.pop_front();
    held_ = true;
    return true;
}

int GlobalLock::waiting() const {
    const std::lock_guard lock(mutex_);
    return int(waiting_.size());
}

void GlobalLock::release() {
    {
        const std::lock_guard lock(mutex_);
        held_ = false;
    }
    turn_.notify_all();
}

} // namespace stampede
