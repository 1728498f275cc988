#include "core/stats/LogBins.h"

#include <algorithm>
#include <cmath>

namespace stampede {

double LogBins::binFactor() const {
    return centresMs.empty() ? 1.0 : std::pow(upperUs / lowerUs, 1.0 / double(centresMs.size()));
}

std::optional<MicrosRange> occupiedRange(const std::vector<const LatencyHistogram*>& histograms) {
    std::optional<MicrosRange> range;
    for (const LatencyHistogram* histogram : histograms) {
        const auto buckets = histogram->buckets();
        if (buckets.empty())
            continue;
        const double lower = std::max(1.0, double(buckets.front().lower));
        const double upper = double(buckets.back().upper);
        if (!range)
            range = MicrosRange{lower, upper};
        range->lower = std::min(range->lower, lower);
        range->upper = std::max(range->upper, upper);
    }
    if (range)
        range->upper = std::max(range->lower * 1.01, range->upper);
    return range;
}

LogBins logBins(const LatencyHistogram& histogram, MicrosRange range, int maxBins) {
    const double lo = range.lower;
    const double hi = range.upper;
    const double span = std::log(hi / lo);
    const int bins = std::clamp(int(std::ceil(span / std::log(2.0) * 32)), 10, maxBins);
    LogBins out{lo, hi, std::vector<double>(bins), std::vector<double>(bins, 0.0)};
    for (int i = 0; i < bins; ++i)
        out.centresMs[i] = lo * std::exp(span * (i + 0.5) / bins) / 1000.0;
    for (const auto& bucket : histogram.buckets()) {
        // The bucket's extent in bin units, at least a sliver so a 1 µs bucket still counts.
        const double from = std::log(std::max(lo, double(bucket.lower)) / lo) / span * bins;
        const double to = std::max(from + 1e-9, std::log(double(bucket.upper) / lo) / span * bins);
        for (int bin = std::max(0, int(from)); bin < std::min(bins, int(std::ceil(to))); ++bin) {
            const double overlap = std::min(to, bin + 1.0) - std::max(from, double(bin));
            out.counts[bin] += double(bucket.count) * overlap / (to - from);
        }
    }
    return out;
}

} // namespace stampede
