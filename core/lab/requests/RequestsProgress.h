#pragma once

#include "core/engine/RequestRecord.h"

#include <string>
#include <vector>

namespace stampede {

// One way of sending the demo's requests: one at a time, or all at once.
struct RequestBatch {
    int concurrency = 1;
    bool started = false;
    bool finished = false; // the engine ended the run by itself, every request answered
    std::vector<RequestRecord> records;

    int errors() const;
    double totalMs() const; // from the run's start until its last response
};

// The sequential-vs-concurrent demo at one moment, copied for the window or the terminal.
struct RequestsProgress {
    enum class Phase { Idle, Sequential, Concurrent, Done, Stopped, Failed };

    Phase phase = Phase::Idle;
    int requests = 0;
    RequestBatch sequential;
    RequestBatch concurrent;
    std::string failure; // Failed: why a run could not start

    bool ended() const {
        return phase == Phase::Done || phase == Phase::Stopped || phase == Phase::Failed;
    }
    bool failed() const { return phase == Phase::Failed; }
    // How many times faster all at once was; 0 until both batches finished.
    double speedUp() const;
};

} // namespace stampede
