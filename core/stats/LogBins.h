#pragma once

#include "core/stats/LatencyHistogram.h"

#include <optional>
#include <vector>

namespace stampede {

// A histogram's counts regrouped into bins equally wide on a logarithmic time axis, for
// drawing: a fast bulk and a slow tail both visible, at most a few hundred bars however wide
// the range. Each bucket is shared among the bins it overlaps; whole buckets per bin would
// alias into a comb of alternately taller and shorter bars.
struct LogBins {
    double lowerUs = 1;            // the left edge of the first bin
    double upperUs = 1;            // the right edge of the last
    std::vector<double> centresMs; // each bin's geometric centre
    std::vector<double> counts;    // requests, fractional where a bucket spans two bins
    // One bin's width as a ratio of its edges.
    double binFactor() const;
};

// The range [lowerUs, upperUs) of the non-empty buckets of every histogram given, or none
// when all are empty: what histograms drawn together share.
struct MicrosRange {
    double lower = 1;
    double upper = 1;
};
std::optional<MicrosRange> occupiedRange(const std::vector<const LatencyHistogram*>& histograms);

// About 32 bins per doubling, at least 10 and at most `maxBins`.
LogBins logBins(const LatencyHistogram& histogram, MicrosRange range, int maxBins);

} // namespace stampede
