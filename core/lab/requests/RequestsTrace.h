#pragma once

#include "core/lab/requests/RequestsDemo.h"
#include "core/trace/Trace.h"

namespace stampede {

// The requests demo as a trace: the one-at-a-time batch on one lane, the all-at-once batch on
// a lane per request (they overlap), and the requests in flight as a counter. Times are the
// engine's, from each batch's start; the second batch follows the first.
Trace demoTrace(const RequestsOptions& options, const RequestsProgress& progress);

} // namespace stampede
