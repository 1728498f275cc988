#include "core/lab/stepper/ScheduleEnumeration.h"

#include "core/lab/stepper/StepMachine.h"

namespace stampede {
namespace {

// Depth first, lowest-numbered thread first, so the list reads T1 T1 T1 T2 T2 T2 first.
void walk(const StepMachine& machine, ScheduleCount& count, std::size_t keep) {
    if (machine.finished() || machine.deadlocked()) {
        ++count.total;
        if (machine.deadlocked())
            ++count.deadlocks;
        else
            ++count.byCounter[machine.counter()];
        if (count.schedules.size() < keep)
            count.schedules.push_back(
                {machine.schedule(), machine.deadlocked(), machine.counter()});
        return;
    }
    for (int t = 0; t < machine.threads(); ++t) {
        if (!machine.runnable(t))
            continue;
        StepMachine next = machine;
        next.step(t);
        walk(next, count, keep);
    }
}

} // namespace

ScheduleCount enumerateSchedules(const StepProgram& program, std::size_t keep) {
    ScheduleCount count;
    walk(StepMachine(program), count, keep);
    return count;
}

} // namespace stampede
