#include "core/stats/LatencyPercentiles.h"

namespace stampede {

LatencyPercentiles LatencyPercentiles::from(const LatencyHistogram& h) {
    const auto ms = [](std::uint64_t micros) { return static_cast<double>(micros) / 1000.0; };
    LatencyPercentiles p;
    p.count = h.count();
    p.p50 = ms(h.quantile(0.50));
    p.p75 = ms(h.quantile(0.75));
    p.p90 = ms(h.quantile(0.90));
    p.p95 = ms(h.quantile(0.95));
    p.p99 = ms(h.quantile(0.99));
    p.p999 = ms(h.quantile(0.999));
    p.max = ms(h.max());
    p.mean = h.mean() / 1000.0;
    return p;
}

} // namespace stampede
