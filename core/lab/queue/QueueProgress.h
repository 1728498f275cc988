#pragma once

#include "core/lab/queue/BoundedQueue.h"

#include <cstdint>
#include <string>
#include <vector>

namespace stampede {

enum class QueueRole { Producer, Consumer };

// One stretch of one thread's time: making or using an item, or waiting on the queue.
struct QueueSpan {
    enum Kind { Produce, BlockedFull, Consume, WaitEmpty };
    Kind kind = Produce;
    double fromMs = 0;
    double toMs = 0;
    std::int64_t seq = 0; // the item it was about
};

// One producer or consumer thread, named as the Threads & CPU view shows it.
struct QueueLane {
    std::string name;
    QueueRole role = QueueRole::Producer;
    double startedMs = 0;
    double endedMs = -1; // -1 = still running
    std::vector<QueueSpan> spans;
};

// Items produced and consumed per second in one time bin.
struct QueueRate {
    double ms = 0; // the bin's middle
    double producedPerSecond = 0;
    double consumedPerSecond = 0;
};

// The producer/consumer demo at one moment, copied for the window or the terminal.
struct QueueProgress {
    bool threadsEnded = false; // every thread has ended
    bool stopped = false;      // …because it was asked to, not because every item was consumed
    int items = 0;             // the run's total
    int producers = 0;         // the settings now (they change while it runs)
    int consumers = 0;
    int capacity = 0;
    std::int64_t produced = 0;   // put in the queue
    std::int64_t consumed = 0;   // taken from it
    std::int64_t duplicates = 0; // takes of an item already taken: always 0
    std::int64_t missing = -1;   // put, never taken, not in the queue: 0; -1 until the end
    int leftInQueue = 0;
    QueueFigures queue;
    std::vector<QueueLane> lanes;
    double elapsedMs = 0; // since the start, until the last thread ended

    bool ended() const { return threadsEnded; }
    // Rates in bins of `binMs`; the last, partial bin only once the run has ended.
    std::vector<QueueRate> rates(double binMs = 500) const;
    double producedPerSecond() const; // over the whole run so far
    double consumedPerSecond() const;
    // Total time threads of `role` spent waiting on the queue.
    double waitedMs(QueueRole role) const;
};

} // namespace stampede
