#pragma once

#include "core/lab/barrier/BarrierDemo.h"
#include "core/trace/Trace.h"

namespace stampede {

// The run as a Perfetto trace: a lane per thread with its work and its wait at the barrier in
// each phase, an instant for each release, and a counter of how many wait at the barrier.
Trace demoTrace(const BarrierOptions& options, const BarrierProgress& progress);

} // namespace stampede
