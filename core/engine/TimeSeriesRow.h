#pragma once

#include "core/engine/ErrorClass.h"

#include <array>
#include <cstdint>
#include <optional>
#include <vector>

namespace stampede {

// One step's part of a second of a flow.
struct StepSecond {
    std::uint64_t completed = 0;
    std::uint64_t errors = 0;
    double p50Ms = 0;
    double p90Ms = 0;
    double p99Ms = 0;
};

// One second of a run. Row `second` = n covers the interval [n-1, n) seconds after start.
struct TimeSeriesRow {
    int second = 0;
    double durationS = 1;        // < 1 only for the last row, the part of a second the run lasted
    std::uint64_t completed = 0; // requests that finished in this second, any outcome
    std::uint64_t errors = 0;
    std::array<std::uint64_t, kErrorClassCount> errorsByClass{};
    std::uint64_t bytes = 0; // response body bytes received
    double p50Ms = 0;        // latency of the requests finished in this second
    double p90Ms = 0;
    double p99Ms = 0;
    double meanMs = 0;          // what Little's law needs: L = λ·W holds for the mean W
    std::uint64_t inFlight = 0; // at the end of the second
    std::uint64_t backlog = 0;  // open model: requests due but not yet sent
    double activeUsers = 0;     // closed model
    double targetRate = 0;      // open model, req/s
    // A flow's steps in this second, in step order; empty for a one-step plan, whose one step
    // is the row itself.
    std::vector<StepSecond> steps;

    // `count` of this row as a rate per second. A sliver of a second at the end of a run
    // (under 0.2 s) makes no rate worth showing: its counts still go into totals and CSV.
    std::optional<double> perSecond(std::uint64_t count) const {
        if (durationS < 0.2)
            return std::nullopt;
        return double(count) / durationS;
    }
};

} // namespace stampede
