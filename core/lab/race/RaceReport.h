#pragma once

#include "core/lab/race/RaceOutcome.h"

#include <vector>

namespace stampede {

// Everything one race experiment has measured so far, in the order it ran.
struct RaceReport {
    std::vector<RaceOutcome> modes;  // one per chosen mode
    std::vector<RaceOutcome> sweep;  // unsynchronised, increments 1, 10, … 10^6
    std::vector<RaceOutcome> wallet; // unlocked, then locked
    bool finished = false;           // the experiment's thread has ended

    bool ended() const { return finished; }
    // Some run was cut short by a stop: its expected count no longer applies.
    bool stopped() const {
        for (const auto* list : {&modes, &sweep, &wallet})
            for (const RaceOutcome& o : *list)
                if (o.stopped)
                    return true;
        return false;
    }
};

} // namespace stampede
