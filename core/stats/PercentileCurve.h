#pragma once

#include "core/stats/LatencyHistogram.h"

#include <vector>

namespace stampede {

// A point of HdrHistogram's percentile plot: the latency below which `percentile` % of the
// requests lie. Drawn against 1/(1 − p) on a log axis, so p99, p99.9 and p99.99 spread out.
struct PercentilePoint {
    double percentile; // 0…100
    double ms;
    // Where the point sits on the 1/(1 − p) axis: 1 at p0, 2 at p50, 10 at p90, 100 at p99.
    double tailFactor() const { return 100.0 / (100.0 - percentile); }
};

// The whole distribution, from the full histogram: 20 points per decade of 1/(1 − p) as far as
// the count resolves (1/(1 − p) ≤ count), ending at the exact maximum. Empty when nothing was
// recorded.
std::vector<PercentilePoint> percentileCurve(const LatencyHistogram& histogram);

} // namespace stampede
