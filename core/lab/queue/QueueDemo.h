#pragma once

#include "core/lab/DemoThreads.h"
#include "core/lab/queue/BoundedQueue.h"
#include "core/lab/queue/QueueProgress.h"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <mutex>
#include <vector>

namespace stampede {

struct QueueOptions {
    static constexpr int kMaxThreads = 16; // producers, and consumers
    static constexpr int kMaxCapacity = 100;
    static constexpr int kMaxItems = 5000;
    static constexpr int kMaxWorkMs = 10'000;

    int producers = 2;
    int consumers = 2;
    int capacity = 5;
    int items = 200;
    std::chrono::milliseconds produceTime{50}; // the mean; each item takes 50–150 % of it
    std::chrono::milliseconds consumeTime{80};
    std::uint64_t seed = 42; // which item takes how long, the same every run
};

// Producers and consumers around one BoundedQueue of capacity K. Each producer numbers an
// item, works on it, and puts it (blocking while the queue is full); each consumer takes one
// (blocking while it is empty) and works on it, until `items` have gone through or a stop.
// Producers, consumers, K and both work times can change while it runs: added threads start
// at once, removed ones end at their next item. A LabDemo: destroying it stops and joins.
class QueueDemo {
public:
    using Options = QueueOptions;
    using Progress = QueueProgress;

    explicit QueueDemo(QueueOptions options);

    QueueDemo(const QueueDemo&) = delete;
    QueueDemo& operator=(const QueueDemo&) = delete;

    void start(); // once
    void requestStop() { threads_.requestStop(); }
    // True once every thread has ended.
    bool wait(std::chrono::milliseconds timeout) const { return threads_.wait(timeout); }
    QueueProgress progress() const;
    // Takes producers, consumers, capacity and both work times from `options` (the rest stays
    // as the run began). Call it from the thread that started the demo.
    void change(const QueueOptions& options);

    // How long item `seq` takes to make (or to use): deterministic for a seed.
    static std::chrono::milliseconds workTime(std::uint64_t seed, std::int64_t seq, QueueRole role,
                                              std::chrono::milliseconds mean);

private:
    void run(std::stop_token stop, int index);
    void produce(std::stop_token stop, int index);
    void consume(std::stop_token stop, int index);
    // Under mutex_: true when this thread is one more of its role than wanted, and so ends.
    bool retire(QueueRole role);
    // Under mutex_: a lane for a new thread of `role`.
    void addLane(QueueRole role);
    void addSpan(int index, QueueSpan::Kind kind, double fromMs, double toMs, std::int64_t seq);
    double nowMs() const;

    const QueueOptions options_;
    std::atomic<long long> produceMs_;
    std::atomic<long long> consumeMs_;
    std::chrono::steady_clock::time_point started_;
    BoundedQueue queue_;
    mutable std::mutex mutex_;
    std::vector<QueueLane> lanes_; // one per thread, by its DemoThreads index
    int wantedProducers_;
    int wantedConsumers_;
    int liveProducers_ = 0;
    int liveConsumers_ = 0;
    int namedProducers_ = 0;
    int namedConsumers_ = 0;
    std::int64_t nextSeq_ = 0;
    std::int64_t produced_ = 0;
    std::int64_t consumed_ = 0;
    std::int64_t duplicates_ = 0;
    std::vector<std::uint8_t> wasPut_;     // by sequence number
    std::vector<std::uint8_t> timesTaken_; // by sequence number
    double endedMs_ = 0;
    DemoThreads threads_; // last: joined before the rest goes away
};

} // namespace stampede
