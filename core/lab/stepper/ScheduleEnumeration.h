#pragma once

#include "core/lab/stepper/StepProgram.h"

#include <cstddef>
#include <map>
#include <vector>

namespace stampede {

// One complete schedule: every thread's steps in one order, to its end or to a deadlock.
struct ScheduleOutcome {
    std::vector<int> schedule;
    bool deadlocked = false;
    int counter = 0; // where the counter ended
};

// Every schedule a program allows (the order within each thread fixed, the interleaving free,
// a thread never stepping into a lock another holds) and how each ends. Two threads of three
// steps have C(6, 3) = 20; three have 9! / (3!)^3 = 1680.
struct ScheduleCount {
    std::vector<ScheduleOutcome> schedules; // in order, the first `kept` of them
    std::size_t total = 0;
    std::map<int, std::size_t> byCounter; // final counter → schedules ending there
    std::size_t deadlocks = 0;
};

ScheduleCount enumerateSchedules(const StepProgram& program, std::size_t keep = 5000);

} // namespace stampede
