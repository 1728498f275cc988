#pragma once

#include "core/lab/deadlock/DeadlockDemo.h"
#include "core/trace/Trace.h"

namespace stampede {

// The deadlock demo as a trace: a lane per ring thread (deadlock-1…) holding its first lock
// from the start and stuck on its second from the last lock taken until the watchdog spoke,
// the watchdog's lane, and a lane per fix with its run. The demo does not time each lock, so
// the ring's spans are as the watchdog saw them: held since the start, stuck since the stall.
Trace demoTrace(const DeadlockOptions& options, const DeadlockProgress& progress);

} // namespace stampede
