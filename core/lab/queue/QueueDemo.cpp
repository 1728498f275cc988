#include "core/lab/queue/QueueDemo.h"

#include "core/lab/StopAware.h"
#include "core/lab/pi/SplitMix64.h"
#include "core/sys/ThreadName.h"

#include <algorithm>

namespace stampede {

namespace {

int clampThreads(int n) {
    return std::clamp(n, 1, QueueOptions::kMaxThreads);
}

int clampCapacity(int k) {
    return std::clamp(k, 1, QueueOptions::kMaxCapacity);
}

long long clampWork(std::chrono::milliseconds ms) {
    return std::clamp<long long>(ms.count(), 0, QueueOptions::kMaxWorkMs);
}

} // namespace

QueueDemo::QueueDemo(QueueOptions options)
    : options_(options)
    , produceMs_(clampWork(options.produceTime))
    , consumeMs_(clampWork(options.consumeTime))
    , queue_(clampCapacity(options.capacity), started_)
    , wantedProducers_(clampThreads(options.producers))
    , wantedConsumers_(clampThreads(options.consumers))
    , wasPut_(static_cast<std::size_t>(std::clamp(options.items, 0, QueueOptions::kMaxItems)))
    , timesTaken_(wasPut_.size()) {}

std::chrono::milliseconds QueueDemo::workTime(std::uint64_t seed, std::int64_t seq, QueueRole role,
                                              std::chrono::milliseconds mean) {
    // A pure function of (seed, item, role): the same item takes as long in every run, however
    // the threads happen to share the items out.
    const std::uint64_t bits = SplitMix64::mix(SplitMix64::streamOrigin(
        seed, std::uint64_t(seq) * 2 + (role == QueueRole::Consumer ? 1 : 0)));
    const double share = 0.5 + double(bits >> 11) * 0x1.0p-53; // [0.5, 1.5)
    return std::chrono::milliseconds(static_cast<long long>(double(mean.count()) * share + 0.5));
}

void QueueDemo::addLane(QueueRole role) {
    const bool producer = role == QueueRole::Producer;
    const int number = producer ? ++namedProducers_ : ++namedConsumers_;
    (producer ? liveProducers_ : liveConsumers_) += 1;
    lanes_.push_back({(producer ? "producer-" : "consumer-") + std::to_string(number),
                      role,
                      threads_.started() ? nowMs() : 0.0,
                      -1,
                      {}});
}

void QueueDemo::start() {
    if (threads_.started())
        return;
    int count = 0;
    {
        const std::lock_guard lock(mutex_);
        for (int i = 0; i < wantedProducers_; ++i)
            addLane(QueueRole::Producer);
        for (int i = 0; i < wantedConsumers_; ++i)
            addLane(QueueRole::Consumer);
        count = int(lanes_.size());
    }
    started_ = std::chrono::steady_clock::now();
    queue_.recordStart();
    if (wasPut_.empty())
        queue_.close(); // nothing to make: consumers must not wait for it
    const int given = threads_.start(count, [this](std::stop_token stop, int i) { run(stop, i); });
    if (given < count) {
        // Out of threads: a lane that never ran says so, and the rest carry on (a consumer
        // missing only slows the run, and a stop still ends it).
        const std::lock_guard lock(mutex_);
        for (int i = given; i < count; ++i) {
            QueueLane& lane = lanes_[std::size_t(i)];
            lane.endedMs = lane.startedMs;
            (lane.role == QueueRole::Producer ? liveProducers_ : liveConsumers_) -= 1;
        }
    }
}

void QueueDemo::change(const QueueOptions& options) {
    if (!threads_.started())
        return; // the options a run starts with are the constructor's
    produceMs_.store(clampWork(options.produceTime));
    consumeMs_.store(clampWork(options.consumeTime));
    queue_.setCapacity(clampCapacity(options.capacity));
    int first = 0, count = 0;
    {
        const std::lock_guard lock(mutex_);
        wantedProducers_ = clampThreads(options.producers);
        wantedConsumers_ = clampThreads(options.consumers);
        first = int(lanes_.size());
        // Surplus threads end by themselves at their next item (retire()); only missing ones
        // are started here.
        const auto items = std::int64_t(wasPut_.size());
        while (liveProducers_ < wantedProducers_ && nextSeq_ < items)
            addLane(QueueRole::Producer);
        while (liveConsumers_ < wantedConsumers_ && consumed_ < items)
            addLane(QueueRole::Consumer);
        count = int(lanes_.size()) - first;
    }
    if (count == 0)
        return;
    const int given = threads_.add(count);
    if (given < count) {
        // The run has ended, a stop was asked or the system has no threads: these never ran.
        const std::lock_guard lock(mutex_);
        for (int i = first + given; i < first + count; ++i) {
            QueueLane& lane = lanes_[std::size_t(i)];
            lane.endedMs = lane.startedMs;
            (lane.role == QueueRole::Producer ? liveProducers_ : liveConsumers_) -= 1;
        }
    }
}

bool QueueDemo::retire(QueueRole role) {
    int& live = role == QueueRole::Producer ? liveProducers_ : liveConsumers_;
    const int wanted = role == QueueRole::Producer ? wantedProducers_ : wantedConsumers_;
    if (live <= wanted)
        return false;
    --live;
    return true;
}

double QueueDemo::nowMs() const {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started_)
        .count();
}

void QueueDemo::addSpan(int index, QueueSpan::Kind kind, double fromMs, double toMs,
                        std::int64_t seq) {
    const std::lock_guard lock(mutex_);
    lanes_[std::size_t(index)].spans.push_back({kind, fromMs, toMs, seq});
}

void QueueDemo::run(std::stop_token stop, int index) {
    QueueRole role{};
    {
        const std::lock_guard lock(mutex_);
        setCurrentThreadName(lanes_[std::size_t(index)].name);
        role = lanes_[std::size_t(index)].role;
    }
    if (role == QueueRole::Producer)
        produce(stop, index);
    else
        consume(stop, index);
    const std::lock_guard lock(mutex_);
    const double now = nowMs();
    lanes_[std::size_t(index)].endedMs = now;
    endedMs_ = std::max(endedMs_, now);
}

void QueueDemo::produce(std::stop_token stop, int index) {
    const std::int64_t items = std::int64_t(wasPut_.size());
    bool retired = false;
    while (!stop.stop_requested()) {
        std::int64_t seq = 0;
        {
            const std::lock_guard lock(mutex_);
            if ((retired = retire(QueueRole::Producer)) || nextSeq_ >= items)
                break;
            seq = nextSeq_++;
        }
        const double from = nowMs();
        const auto work = workTime(options_.seed, seq, QueueRole::Producer,
                                   std::chrono::milliseconds(produceMs_.load()));
        const bool made = sleepUnlessStopped(stop, work);
        addSpan(index, QueueSpan::Produce, from, nowMs(), seq);
        if (!made)
            break;
        QueueWait wait;
        const bool put = queue_.put({seq, index}, stop, wait);
        if (wait.waited())
            addSpan(index, QueueSpan::BlockedFull, wait.fromMs, wait.toMs, seq);
        if (!put)
            break;
        bool last = false;
        {
            const std::lock_guard lock(mutex_);
            wasPut_[std::size_t(seq)] = 1;
            last = ++produced_ == items;
        }
        if (last)
            queue_.close(); // every item is in: consumers waiting on an empty queue may go
    }
    if (!retired) {
        const std::lock_guard lock(mutex_);
        --liveProducers_;
    }
}

void QueueDemo::consume(std::stop_token stop, int index) {
    bool retired = false;
    while (!stop.stop_requested()) {
        {
            const std::lock_guard lock(mutex_);
            if ((retired = retire(QueueRole::Consumer)))
                break;
        }
        QueueWait wait;
        const auto item = queue_.take(stop, wait);
        if (wait.waited())
            addSpan(index, QueueSpan::WaitEmpty, wait.fromMs, wait.toMs, item ? item->seq : -1);
        if (!item)
            break;
        {
            const std::lock_guard lock(mutex_);
            ++consumed_;
            const auto seq = std::size_t(item->seq);
            if (seq < timesTaken_.size() && timesTaken_[seq]++ > 0)
                ++duplicates_;
        }
        const double from = nowMs();
        const auto work = workTime(options_.seed, item->seq, QueueRole::Consumer,
                                   std::chrono::milliseconds(consumeMs_.load()));
        const bool used = sleepUnlessStopped(stop, work);
        addSpan(index, QueueSpan::Consume, from, nowMs(), item->seq);
        if (!used)
            break;
    }
    if (!retired) {
        const std::lock_guard lock(mutex_);
        --liveConsumers_;
    }
}

QueueProgress QueueDemo::progress() const {
    QueueProgress p;
    p.threadsEnded = threads_.ended(); // first: once true, every figure is final
    p.queue = queue_.figures();
    p.items = int(wasPut_.size());
    p.capacity = p.queue.capacity;
    p.leftInQueue = int(p.queue.left.size());
    const std::lock_guard lock(mutex_);
    p.producers = wantedProducers_;
    p.consumers = wantedConsumers_;
    p.produced = produced_;
    p.consumed = consumed_;
    p.duplicates = duplicates_;
    p.lanes = lanes_;
    p.elapsedMs = p.ended() ? endedMs_ : threads_.started() ? nowMs() : 0;
    p.stopped = p.ended() && consumed_ < p.items;
    if (p.ended()) {
        // Only at the end: while it runs, an item between a take and its count is in nobody's
        // books for a moment.
        std::vector<std::uint8_t> inQueue(wasPut_.size());
        for (const std::int64_t seq : p.queue.left)
            inQueue[std::size_t(seq)] = 1;
        p.missing = 0;
        for (std::size_t seq = 0; seq < wasPut_.size(); ++seq)
            if (wasPut_[seq] && !timesTaken_[seq] && !inQueue[seq])
                ++p.missing;
    }
    return p;
}

} // namespace stampede
