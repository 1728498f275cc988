#pragma once

#include "core/monitor/RunSpan.h"

#include <string>
#include <vector>

namespace stampede {

// One thread's row of the timeline: consecutive samples in the same state merged into one span.
struct ThreadLane {
    int id = 0;
    std::string name;
    std::vector<RunSpan> spans; // in time order, never overlapping
};

} // namespace stampede
