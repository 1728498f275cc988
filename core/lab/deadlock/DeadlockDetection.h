#pragma once

#include "core/lab/deadlock/WaitForState.h"

#include <chrono>
#include <string>
#include <vector>

namespace stampede {

// What the deadlock demo's watchdog found.
struct DeadlockDetection {
    bool detected = false;
    std::vector<int> cycle;                     // the threads on the wait-for cycle, in order
    std::vector<std::string> names;             // the cycle spelt out: T1, L2, T2, L1
    WaitForState state;                         // the graph at the moment of detection
    std::chrono::milliseconds detectedAfter{0}; // since the threads started
    std::chrono::milliseconds stalledFor{0};    // without any lock taken, when detected
    bool allThreadsEnded = false;               // after the watchdog asked them to give up
};

} // namespace stampede
