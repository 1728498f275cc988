#pragma once

#include "core/monitor/ThreadSample.h"

#include <vector>

namespace stampede {

// What changed between two readings of /proc, ready to draw.
struct ProcessSample {
    double seconds = 0; // when the period ended, on the readings' clock
    double periodSeconds = 0;
    std::vector<ThreadSample> threads;   // ordered by thread id
    std::vector<double> coreBusyPercent; // by core index in /proc/stat order
    double processCpuPercent = 0;        // may exceed 100 on several cores
    double rssMiB = 0;
};

} // namespace stampede
