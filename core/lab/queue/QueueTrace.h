#pragma once

#include "core/lab/queue/QueueDemo.h"
#include "core/trace/Trace.h"

namespace stampede {

// The run as a Perfetto trace: a lane per producer and consumer thread with its work and its
// waits on the queue, and counters for the depth, K, and how many wait on each side.
Trace demoTrace(const QueueOptions& options, const QueueProgress& progress);

} // namespace stampede
