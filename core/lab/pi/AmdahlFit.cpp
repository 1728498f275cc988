#include "core/lab/pi/AmdahlFit.h"

#include <algorithm>

namespace stampede {

std::optional<AmdahlFit> AmdahlFit::fit(std::span<const Point> points) {
    double xy = 0, xx = 0;
    for (const Point& point : points) {
        if (point.threads < 2 || !(point.speedup > 0))
            continue;
        const double x = 1.0 - 1.0 / point.threads;
        const double y = 1.0 / point.speedup - 1.0 / point.threads;
        xy += x * y;
        xx += x * x;
    }
    if (xx == 0)
        return std::nullopt;
    // Noise can make a run faster than ideal (f < 0); a fraction outside [0, 1] means nothing.
    return AmdahlFit(std::clamp(xy / xx, 0.0, 1.0));
}

double AmdahlFit::speedup(double threads) const {
    return 1.0 / (serialFraction_ + (1.0 - serialFraction_) / threads);
}

} // namespace stampede
