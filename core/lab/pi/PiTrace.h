#pragma once

#include "core/lab/pi/PiEstimator.h"
#include "core/lab/pi/PiSweep.h"
#include "core/trace/Trace.h"

namespace stampede {

// A π run as a trace: a lane per worker with its chunks, and under the global lock the waits
// between them, so Perfetto shows the lock passing from thread to thread. A sweep is one lane
// with a span per run.
Trace demoTrace(const PiOptions& options, const PiProgress& run);
Trace demoTrace(const PiSweepOptions& options, const PiSweepProgress& sweep);

} // namespace stampede
