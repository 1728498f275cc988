#pragma once

#include "core/stats/LatencyHistogram.h"

namespace stampede {

// The percentiles every report shows, in milliseconds.
struct LatencyPercentiles {
    double p50 = 0, p75 = 0, p90 = 0, p95 = 0, p99 = 0, p999 = 0, max = 0, mean = 0;
    std::uint64_t count = 0;

    static LatencyPercentiles from(const LatencyHistogram& histogram);
};

} // namespace stampede
