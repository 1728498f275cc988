#pragma once

#include "core/lab/DemoThreads.h"
#include "core/lab/stepper/StepMachine.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace stampede {

// One step as a real thread took it, in milliseconds since the threads started.
struct StepRecord {
    int thread = 0;
    int step = 0; // index in the thread's program
    double startMs = 0;
    double endMs = 0;
    int counter = 0; // the shared counter after it
    int reg = 0;     // the thread's register after it
};

// The stepper's threads at one moment: where the model says each stands, and what the real
// threads did.
struct StepperSnapshot {
    StepMachine model;
    std::vector<StepRecord> records;
    bool pending = false; // a step was granted and is not yet taken
};

// A step program on real threads (step-1, step-2, …): each waits until it is granted its next
// step, takes it on real shared memory (the counter is read and written in separate steps;
// the locks are real std::mutexes), and waits again. Exactly one step is in flight at a time,
// so the order is the student's, and a step into a lock another thread holds is refused
// before it is granted: no thread ever blocks on a mutex, and a deadlock is shown, not hung
// in. Destroying it stops and joins the threads, each first letting go of what it holds.
class StepThreads {
public:
    explicit StepThreads(StepProgram program);
    ~StepThreads();

    StepThreads(const StepThreads&) = delete;
    StepThreads& operator=(const StepThreads&) = delete;

    // Lets `thread` take its next step and returns at once; the reason when it may not now.
    std::optional<std::string> grant(int thread);
    // True once no granted step is left, within `timeout`.
    bool waitIdle(std::chrono::milliseconds timeout) const;
    StepperSnapshot snapshot() const;

private:
    using Clock = std::chrono::steady_clock;
    void run(std::stop_token stop, int thread);
    double ms(Clock::time_point t) const;

    mutable std::mutex mutex_;
    mutable std::condition_variable_any changed_;
    StepMachine model_;
    int granted_ = -1;
    std::vector<StepRecord> records_;
    // The shared counter: relaxed atomics, read and written in separate steps, so an update
    // is lost without undefined behaviour (as in the race demo).
    std::atomic<int> counter_{0};
    std::unique_ptr<std::mutex[]> locks_;
    const Clock::time_point started_ = Clock::now();
    DemoThreads threads_; // last: joined before what they use goes away
};

} // namespace stampede
