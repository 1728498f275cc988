#pragma once

#include "core/monitor/CoreTicks.h"
#include "core/monitor/ThreadStat.h"

#include <vector>

namespace stampede {

// One raw look at /proc: cumulative counters only. Rates need two readings (ProcessSampler).
struct ProcReading {
    double seconds = 0;        // a monotonic clock, for the period between two readings
    long ticksPerSecond = 100; // sysconf(_SC_CLK_TCK)
    long pageBytes = 4096;     // sysconf(_SC_PAGESIZE), for the resident set
    ThreadStat process;
    std::vector<ThreadStat> threads; // ordered by thread id
    std::vector<CoreTicks> cores;
    // The thread that took the reading: it is always in state R while it reads.
    int readerThreadId = 0;
};

} // namespace stampede
