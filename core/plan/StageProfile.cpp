#include "core/plan/StageProfile.h"

#include <cmath>
#include <limits>

namespace stampede {

StageProfile::StageProfile(double base, const std::vector<Stage>& stages) {
    double start = 0;
    double level = base;
    double count = 0;
    for (const Stage& stage : stages) {
        const double duration = std::chrono::duration<double>(stage.duration).count();
        if (duration <= 0)
            continue;
        segments_.push_back({start, duration, level, stage.target, count});
        count += duration * (level + stage.target) / 2;
        start += duration;
        level = stage.target;
    }
    segments_.push_back({start, std::numeric_limits<double>::infinity(), level, level, count});
}

double StageProfile::valueAt(double t) const {
    for (const Segment& s : segments_)
        if (t < s.start + s.duration)
            return std::isinf(s.duration)
                       ? s.from
                       : s.from + (s.to - s.from) * (std::max(t, s.start) - s.start) / s.duration;
    return segments_.back().to;
}

double StageProfile::countBy(double t) const {
    for (const Segment& s : segments_) {
        if (t < s.start + s.duration || std::isinf(s.duration)) {
            const double x = std::max(0.0, t - s.start);
            const double slope = std::isinf(s.duration) ? 0 : (s.to - s.from) / s.duration;
            return s.countAtStart + s.from * x + slope * x * x / 2;
        }
    }
    return segments_.back().countAtStart;
}

double StageProfile::timeOfCount(double count) const {
    for (const Segment& s : segments_) {
        const bool last = std::isinf(s.duration);
        const double countAtEnd = last ? std::numeric_limits<double>::infinity()
                                       : s.countAtStart + s.duration * (s.from + s.to) / 2;
        if (count > countAtEnd)
            continue;
        const double need = count - s.countAtStart;
        if (need <= 0)
            return s.start;
        const double slope = last ? 0 : (s.to - s.from) / s.duration;
        if (std::abs(slope) < 1e-12) {
            if (s.from <= 0)
                return last ? std::numeric_limits<double>::infinity() : s.start + s.duration;
            return s.start + need / s.from;
        }
        // Solve slope/2 x^2 + from x - need = 0 for the smallest x >= 0, in the form that
        // does not cancel when the ramp is nearly flat: x = 2 need / (from + sqrt(disc)).
        const double root = std::sqrt(std::max(0.0, s.from * s.from + 2 * slope * need));
        return s.start + 2 * need / (s.from + root);
    }
    return std::numeric_limits<double>::infinity();
}

} // namespace stampede
