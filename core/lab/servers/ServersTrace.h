#pragma once

#include "core/lab/servers/ServersDemo.h"
#include "core/trace/Trace.h"

namespace stampede {

// Both runs as one trace, the async one after the sync one: a lane per virtual user (the
// first eight of each run) with its requests, so the sync server's queueing shows as long
// spans, and each run's requests in flight and finished per second as counters.
Trace demoTrace(const ServersOptions& options, const ServersProgress& progress);

} // namespace stampede
