#pragma once

#include "core/lab/DemoThreads.h"
#include "core/lab/stepper/ScheduleEnumeration.h"
#include "core/lab/stepper/StepThreads.h"

#include <chrono>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace stampede {

struct StepperOptions {
    std::string program = "race";
    // The schedule to replay on real threads; without one, the first schedule that loses an
    // update or deadlocks (the lesson), else the first.
    std::optional<std::vector<int>> schedule;

    // Why these cannot run, naming the field: an unknown program, a schedule that is not one
    // or takes a step its thread may not take then.
    std::optional<std::string> problem() const;
};

struct StepperProgress {
    bool finished = false;
    std::optional<StepProgram> program;
    std::vector<int> schedule;               // the one replayed
    std::optional<StepperSnapshot> replayed; // on the real threads
    ScheduleCount all;                       // every schedule the program allows
    std::string failure;                     // a replay step the threads did not take in time

    bool ended() const { return finished; }
    bool failed() const { return !failure.empty(); }
};

// The stepper in the terminal: every schedule of the program enumerated, and one of them
// replayed step by step on real threads (step-1, …) so its end is seen, not only computed.
// A LabDemo; the window steps StepThreads by hand instead.
class StepperDemo {
public:
    using Options = StepperOptions;
    using Progress = StepperProgress;

    explicit StepperDemo(StepperOptions options);

    void start();
    void requestStop() { thread_.requestStop(); }
    bool wait(std::chrono::milliseconds timeout) const { return thread_.wait(timeout); }
    StepperProgress progress() const;

    // The schedule replayed when none is given.
    static std::vector<int> lessonSchedule(const StepProgram& program, const ScheduleCount& all);

private:
    void run(std::stop_token stop);

    const StepperOptions options_;
    mutable std::mutex mutex_;
    StepperProgress progress_;
    DemoThreads thread_; // last
};

} // namespace stampede
