#pragma once

// Two latency histograms hold the same values: bucket for bucket, with the same count and the
// same exact extremes (what merges and result files must keep).
#include "core/stats/LatencyHistogram.h"

inline bool sameHistogram(const stampede::LatencyHistogram& a,
                          const stampede::LatencyHistogram& b) {
    const auto x = a.parts();
    const auto y = b.parts();
    return x.buckets == y.buckets && x.count == y.count && x.min == y.min && x.max == y.max;
}
