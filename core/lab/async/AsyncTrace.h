#pragma once

#include "core/lab/async/AsyncDemo.h"
#include "core/trace/Trace.h"

namespace stampede {

// The async demo as a trace: the rounds one after the other, a lane per request of each
// ("gather: #3"), its span in category "work" when answered and "cancelled" when the stop
// closed it, an instant on the round's own lane for every result taken and for the cancel,
// and the requests in flight as a counter.
Trace demoTrace(const AsyncOptions& options, const AsyncProgress& progress);

} // namespace stampede
