#include "core/lab/queue/BoundedQueue.h"

#include <algorithm>

namespace stampede {

BoundedQueue::BoundedQueue(int capacity, const std::chrono::steady_clock::time_point& origin)
    : origin_(origin)
    , capacity_(std::max(capacity, 1))
    , maxCapacity_(capacity_) {}

double BoundedQueue::nowMs() const {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - origin_)
        .count();
}

void BoundedQueue::record(double ms) {
    samples_.push_back({ms, int(items_.size()), capacity_, blocked_, waiting_, put_, taken_});
}

bool BoundedQueue::put(QueueItem item, std::stop_token stop, QueueWait& wait) {
    std::unique_lock lock(mutex_);
    if (full()) {
        wait.fromMs = nowMs();
        ++blocked_;
        record(wait.fromMs);
        notFull_.wait(lock, stop, [this] { return !full(); });
        --blocked_;
        wait.toMs = nowMs();
        record(wait.toMs);
        if (full())
            return false; // woken by the stop, still no room
    }
    items_.push_back(item);
    ++put_;
    maxDepth_ = std::max(maxDepth_, int(items_.size()));
    // The check the demo exists to pass: it counts rather than asserts, so a broken wait
    // shows up in the figures and the tests instead of ending the process.
    if (int(items_.size()) > capacity_)
        ++overfilled_;
    record(nowMs());
    lock.unlock();
    notEmpty_.notify_one();
    return true;
}

std::optional<QueueItem> BoundedQueue::take(std::stop_token stop, QueueWait& wait) {
    std::unique_lock lock(mutex_);
    if (items_.empty() && !closed_) {
        wait.fromMs = nowMs();
        ++waiting_;
        record(wait.fromMs);
        notEmpty_.wait(lock, stop, [this] { return !items_.empty() || closed_; });
        --waiting_;
        wait.toMs = nowMs();
        record(wait.toMs);
    }
    if (items_.empty())
        return std::nullopt;
    const QueueItem item = items_.front();
    items_.pop_front();
    ++taken_;
    record(nowMs());
    lock.unlock();
    notFull_.notify_one();
    return item;
}

void BoundedQueue::setCapacity(int capacity) {
    {
        const std::lock_guard lock(mutex_);
        capacity = std::max(capacity, 1);
        if (capacity == capacity_)
            return;
        capacity_ = capacity;
        maxCapacity_ = std::max(maxCapacity_, capacity_);
        record(nowMs());
    }
    // A larger queue has room for several blocked producers at once.
    notFull_.notify_all();
}

void BoundedQueue::recordStart() {
    const std::lock_guard lock(mutex_);
    record(0);
}

void BoundedQueue::close() {
    {
        const std::lock_guard lock(mutex_);
        closed_ = true;
    }
    notEmpty_.notify_all();
}

QueueFigures BoundedQueue::figures() const {
    const std::lock_guard lock(mutex_);
    QueueFigures figures{samples_, capacity_, maxDepth_, maxCapacity_, overfilled_, {}};
    for (const QueueItem& item : items_)
        figures.left.push_back(item.seq);
    return figures;
}

} // namespace stampede
