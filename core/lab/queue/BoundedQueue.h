#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <optional>
#include <stop_token>
#include <vector>

namespace stampede {

// What producers put and consumers take: a sequence number, so a test can tell an item lost
// or delivered twice.
struct QueueItem {
    std::int64_t seq = 0;
    int producer = 0;
};

// The queue after one change (a put, a take, a wait begun or ended, a new capacity), times
// in milliseconds since the demo started. Recorded under the queue's mutex, so each sample is
// one consistent moment.
struct QueueSample {
    double ms = 0;
    int depth = 0;
    int capacity = 0;
    int blockedProducers = 0; // waiting for room in a full queue
    int waitingConsumers = 0; // waiting for an item in an empty queue
    std::int64_t put = 0;     // items put so far
    std::int64_t taken = 0;   // items taken so far
};

// When one put or take waited; -1 = it did not.
struct QueueWait {
    double fromMs = -1;
    double toMs = -1;

    bool waited() const { return fromMs >= 0; }
};

// What the queue saw over its life, copied out in one lock.
struct QueueFigures {
    std::vector<QueueSample> samples; // in time order
    int capacity = 0;                 // now
    int maxDepth = 0;                 // the deepest it ever was, seen under the mutex
    int maxCapacity = 0;              // the largest capacity it ever had
    int overfilled = 0;               // puts that left more than the capacity: always 0
    std::vector<std::int64_t> left;   // sequence numbers still inside, front first
};

// The course's bounded queue: one std::mutex, a condition for "not full" and one for "not
// empty". Both are std::condition_variable_any so that a stop request ends every wait.
// The capacity can change while threads wait: it applies under the mutex and wakes them.
class BoundedQueue {
public:
    // `origin` is the demo's start, the zero of every recorded time; it must outlive the queue
    // and be set before the first put.
    BoundedQueue(int capacity, const std::chrono::steady_clock::time_point& origin);

    // Blocks while full. False when a stop came before there was room (nothing was put).
    bool put(QueueItem item, std::stop_token stop, QueueWait& wait);
    // Blocks while empty. Nothing when a stop came first, or when closed and empty.
    std::optional<QueueItem> take(std::stop_token stop, QueueWait& wait);
    void setCapacity(int capacity);
    // The empty queue and its first capacity at time zero: once, as the demo starts, so the
    // history begins there and not at the first change.
    void recordStart();
    // No more items will come: a take on an empty queue returns at once.
    void close();

    QueueFigures figures() const;

private:
    bool full() const { return int(items_.size()) >= capacity_; }
    double nowMs() const;
    void record(double ms);

    const std::chrono::steady_clock::time_point& origin_;
    mutable std::mutex mutex_;
    std::condition_variable_any notFull_;
    std::condition_variable_any notEmpty_;
    std::deque<QueueItem> items_;
    int capacity_;
    bool closed_ = false;
    int blocked_ = 0;
    int waiting_ = 0;
    std::int64_t put_ = 0;
    std::int64_t taken_ = 0;
    int maxDepth_ = 0;
    int maxCapacity_;
    int overfilled_ = 0;
    std::vector<QueueSample> samples_;
};

} // namespace stampede
