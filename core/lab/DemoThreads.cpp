#include "core/lab/DemoThreads.h"

#include <system_error>

namespace stampede {

DemoThreads::~DemoThreads() {
    stop_.request_stop();
    // Each jthread joins as threads_ goes; the bodies check the shared stop request.
}

int DemoThreads::start(int count, Body body) {
    {
        const std::lock_guard lock(mutex_);
        if (count_ > 0 || count <= 0)
            return 0;
        count_ = count;
    }
    body_ = std::move(body);
    return launch(0, count);
}

int DemoThreads::add(int count) {
    int first = 0;
    {
        const std::lock_guard lock(mutex_);
        if (count_ == 0 || ended_ == count_ || count <= 0 || stop_.stop_requested())
            return 0;
        first = count_;
        count_ += count; // counted before they run, so ended() cannot flip true in between
    }
    return launch(first, count);
}

int DemoThreads::launch(int first, int count) {
    threads_.reserve(threads_.size() + static_cast<std::size_t>(count));
    const std::stop_token stop = stop_.get_token();
    for (int i = 0; i < count; ++i) {
        try {
            threads_.emplace_back([this, stop, index = first + i] {
                body_(stop, index);
                threadEnded();
            });
        } catch (const std::system_error&) {
            // Out of threads: those that exist still run; the rest never will.
            {
                const std::lock_guard lock(mutex_);
                ended_ += count - i;
            }
            changed_.notify_all();
            return i;
        }
    }
    return count;
}

void DemoThreads::threadEnded() {
    {
        const std::lock_guard lock(mutex_);
        ++ended_;
    }
    changed_.notify_all();
}

bool DemoThreads::wait(std::chrono::milliseconds timeout) const {
    std::unique_lock lock(mutex_);
    return changed_.wait_for(lock, timeout, [this] { return count_ > 0 && ended_ == count_; });
}

bool DemoThreads::started() const {
    const std::lock_guard lock(mutex_);
    return count_ > 0;
}

bool DemoThreads::ended() const {
    const std::lock_guard lock(mutex_);
    return count_ > 0 && ended_ == count_;
}

} // namespace stampede
