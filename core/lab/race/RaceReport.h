#pragma once

#include "core/lab/race/RaceOutcome.h"

#include <vector>

namespace stampede {

// Everything one race experiment has measured so far, in the order it ran.
struct RaceReport {
    std::vector<RaceOutcome> modes;  // one per chosen mode
    std::vector<RaceOutcome> sweep;  // unsynchronised, increments 1, 10, … 10^6
    std::vector<RaceOutcome> wallet; // unlocked, then locked
    bool finished = false;
};

} // namespace stampede
