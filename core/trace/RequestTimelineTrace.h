#pragma once

#include "core/engine/RequestRecord.h"
#include "core/trace/Trace.h"

#include <string>
#include <vector>

namespace stampede {

// A load test's request timeline sample as a trace: a lane per virtual user (closed model) or
// connection slot (open), a span per request from its send to its end (named by step and
// status; failures in the "error" category), the open model's wait from the intended send
// time to the actual one, and the requests in flight as a counter.
Trace requestTimelineTrace(const std::vector<RequestRecord>& records, const std::string& title);

} // namespace stampede
