#pragma once

#include "core/server/Endpoint.h"

#include <cstdint>
#include <string>
#include <vector>

namespace stampede {

// A copy of the target's counters at one moment: plain data that any thread may keep.
struct TargetStatsSnapshot {
    struct Row {
        Endpoint endpoint;
        int status; // 0 when the endpoint sent no status line (stall, reset, garbage)
        std::uint64_t count;
    };

    std::vector<Row> rows; // non-zero counters, ordered by endpoint then status
    std::uint64_t requests = 0;
    std::uint64_t connectionsAccepted = 0;
    std::uint64_t connectionsOpen = 0;

    std::uint64_t count(Endpoint endpoint) const;
    std::uint64_t count(Endpoint endpoint, int status) const;

    // The body of GET /stats.
    std::string toJson() const;
};

} // namespace stampede
