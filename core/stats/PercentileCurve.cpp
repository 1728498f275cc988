#include "core/stats/PercentileCurve.h"

#include <algorithm>
#include <cmath>

namespace stampede {

std::vector<PercentilePoint> percentileCurve(const LatencyHistogram& histogram) {
    std::vector<PercentilePoint> out;
    const std::uint64_t count = histogram.count();
    if (count == 0)
        return out;
    constexpr int kPointsPerDecade = 20;
    // Beyond 1/(1 - p) = count every percentile is the maximum; a million spreads p99.9999.
    const double last = std::min(double(count), 1e6);
    for (int k = 0;; ++k) {
        const double factor = std::pow(10.0, double(k) / kPointsPerDecade);
        if (factor >= last)
            break;
        const double q = 1.0 - 1.0 / factor;
        out.push_back({100.0 * q, double(histogram.quantile(q)) / 1000.0});
    }
    out.push_back({100.0 * (1.0 - 1.0 / std::max(1.0, last)), double(histogram.max()) / 1000.0});
    return out;
}

} // namespace stampede
