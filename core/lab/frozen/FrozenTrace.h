#pragma once

#include "core/lab/frozen/FrozenDemo.h"
#include "core/trace/Trace.h"

namespace stampede {

// The loop's ticks as a trace: one lane for the loop with an instant per tick, the stretch
// it spent blocked as a span, and each tick's lag as a counter, for both ways of sending
// (the engine's after the loop's).
Trace demoTrace(const FrozenOptions& options, const FrozenProgress& progress);

} // namespace stampede
