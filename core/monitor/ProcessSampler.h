#pragma once

#include "core/monitor/ProcReading.h"
#include "core/monitor/ProcessSample.h"

#include <optional>

namespace stampede {

// Turns successive readings into rates, as htop does: a thread's CPU % is its ticks in the
// period over the period's length; a core's utilisation is its busy ticks over all its ticks.
class ProcessSampler {
public:
    // Below this a thread that is not in state R counts as sleeping on the timeline: a
    // thread that woke for a few milliseconds in half a second was mostly asleep.
    static constexpr double kRunningPercent = 3.0;

    // Empty for the first reading, which has nothing to compare with.
    std::optional<ProcessSample> add(ProcReading reading);

private:
    std::optional<ProcReading> previous_;
};

} // namespace stampede
