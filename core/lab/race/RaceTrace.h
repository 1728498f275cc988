#pragma once

#include "core/lab/race/RaceExperiment.h"
#include "core/trace/Trace.h"

namespace stampede {

// The race experiment as a trace: a lane per worker (race-1…, wallet-1…) with a span for its
// part of each run, and the updates each run lost as a counter.
Trace demoTrace(const RaceOptions& options, const RaceReport& report);

} // namespace stampede
