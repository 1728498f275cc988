#pragma once

#include "core/lab/stepper/StepperDemo.h"
#include "core/trace/Trace.h"

namespace stampede {

// A replayed (or hand-stepped) schedule as a trace: a lane per thread with a span per step as
// the real thread took it, the locks held as spans from lock to unlock, and the shared
// counter after every step.
Trace stepperTrace(const StepProgram& program, const std::vector<StepRecord>& records);
Trace demoTrace(const StepperOptions& options, const StepperProgress& progress);

} // namespace stampede
