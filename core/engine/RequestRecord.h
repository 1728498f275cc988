#pragma once

#include "core/engine/ErrorClass.h"

#include <cstdint>
#include <optional>

namespace stampede {

// What happened to one request, times in milliseconds since the run started. Kept only
// for the streamed requests.csv and for the timeline's bounded sample, never all in memory.
struct RequestRecord {
    std::uint64_t id = 0;
    int lane = 0;            // virtual user (closed) or connection slot (open)
    int step = 0;            // of the scenario, from 0
    double intendedMs = 0;   // when it should have left (open model; = started when closed)
    double startedMs = 0;    // handed to the transport
    double firstByteMs = -1; // first response byte, -1 if none came
    double doneMs = 0;
    int status = 0; // 0 when no response
    std::optional<ErrorClass> error;
    std::uint64_t bytes = 0; // response body bytes
};

} // namespace stampede
