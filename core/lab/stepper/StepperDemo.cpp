#include "core/lab/stepper/StepperDemo.h"

#include "core/sys/ThreadName.h"

namespace stampede {

std::optional<std::string> StepperOptions::problem() const {
    const auto found = stepProgram(program);
    if (!found) {
        std::string names;
        for (const StepProgram& p : stepPrograms())
            names += (names.empty() ? "" : ", ") + p.name;
        return "program must be one of " + names + ", not '" + program + "'";
    }
    if (!schedule)
        return std::nullopt;
    StepMachine machine(*found);
    for (std::size_t i = 0; i < schedule->size(); ++i)
        if (const auto why = machine.whyNot((*schedule)[i]); why || !machine.step((*schedule)[i]))
            return "schedule step " + std::to_string(i + 1) + ": " +
                   why.value_or("cannot be taken");
    return std::nullopt;
}

StepperDemo::StepperDemo(StepperOptions options)
    : options_(std::move(options)) {}

void StepperDemo::start() {
    thread_.start(1, [this](std::stop_token stop, int) { run(stop); });
}

StepperProgress StepperDemo::progress() const {
    StepperProgress progress;
    {
        const std::lock_guard lock(mutex_);
        progress = progress_;
    }
    progress.finished = thread_.ended();
    return progress;
}

std::vector<int> StepperDemo::lessonSchedule(const StepProgram& program, const ScheduleCount& all) {
    for (const ScheduleOutcome& outcome : all.schedules)
        if (outcome.deadlocked || outcome.counter < program.expected())
            return outcome.schedule;
    return all.schedules.empty() ? std::vector<int>{} : all.schedules.front().schedule;
}

void StepperDemo::run(std::stop_token stop) {
    using namespace std::chrono_literals;
    setCurrentThreadName("stepper");
    const auto program = stepProgram(options_.program);
    if (!program)
        return;
    ScheduleCount all = enumerateSchedules(*program);
    const std::vector<int> schedule = options_.schedule.value_or(lessonSchedule(*program, all));
    {
        const std::lock_guard lock(mutex_);
        progress_.program = program;
        progress_.all = std::move(all);
        progress_.schedule = schedule;
    }
    StepThreads threads(*program);
    for (const int thread : schedule) {
        if (stop.stop_requested())
            return;
        if (const auto why = threads.grant(thread)) {
            const std::lock_guard lock(mutex_);
            progress_.failure = *why;
            return;
        }
        // A step takes microseconds; seconds mean a thread the system never ran.
        if (!threads.waitIdle(5s)) {
            const std::lock_guard lock(mutex_);
            progress_.failure = stepThreadName(thread) + " did not take its step within 5 s";
            return;
        }
    }
    const std::lock_guard lock(mutex_);
    progress_.replayed = threads.snapshot();
}

} // namespace stampede
