#pragma once

#include "core/plan/Plan.h"

#include <vector>

namespace stampede {

// A load level over time: constant at `base`, or following the stages, each a linear ramp
// from the previous level to its target; after the last stage the level holds. Gives the
// level (users or req/s) at time t, and for rates the cumulative count of requests due by
// t and its inverse, so the open model's intended send times follow ramps exactly.
class StageProfile {
public:
    StageProfile(double base, const std::vector<Stage>& stages);

    double valueAt(double seconds) const;
    double countBy(double seconds) const;   // integral of the level from 0 to t
    double timeOfCount(double count) const; // smallest t with countBy(t) >= count; inf if never

private:
    struct Segment {
        double start;    // s
        double duration; // s; infinite for the final hold
        double from;     // level at start
        double to;       // level at end
        double countAtStart;
    };
    std::vector<Segment> segments_;
};

} // namespace stampede
