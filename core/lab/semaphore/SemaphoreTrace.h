#pragma once

#include "core/lab/semaphore/SemaphoreDemo.h"
#include "core/trace/Trace.h"

namespace stampede {

// The semaphore demo as a trace: a lane per job thread with its wait for a slot and its run,
// and the running count as a counter that touches the limit and never crosses it.
Trace demoTrace(const SemaphoreOptions& options, const SemaphoreProgress& progress);

} // namespace stampede
