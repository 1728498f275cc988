#pragma once

#include "core/lab/stepper/StepProgram.h"

#include <optional>
#include <string>
#include <vector>

namespace stampede {

// Where every thread of a step program stands: the model the stepper's real threads follow
// and the enumeration of every schedule walks. A thread may take its next step unless it is
// done or its next step takes a lock another thread holds; when no thread may and some are
// not done, they are deadlocked.
class StepMachine {
public:
    explicit StepMachine(StepProgram program);

    const StepProgram& program() const { return program_; }
    int threads() const { return int(program_.threads.size()); }
    int counter() const { return counter_; }
    int reg(int thread) const { return registers_[std::size_t(thread)]; }
    int next(int thread) const { return pcs_[std::size_t(thread)]; }   // index of its next step
    int holder(int lock) const { return holders_[std::size_t(lock)]; } // -1: free
    const std::vector<int>& schedule() const { return schedule_; }     // threads, in step order

    bool done(int thread) const;
    // Its next step waits for a lock another thread holds.
    std::optional<int> blockedOn(int thread) const;
    bool runnable(int thread) const { return !done(thread) && !blockedOn(thread); }
    bool finished() const;
    bool deadlocked() const;
    // Why `thread` cannot step now, or nothing when it can: "T2 is done", "T1 waits for L2,
    // which T2 holds".
    std::optional<std::string> whyNot(int thread) const;

    // Takes `thread`'s next step; false (and nothing changes) when it may not.
    bool step(int thread);

private:
    StepProgram program_;
    int counter_ = 0;
    std::vector<int> registers_;
    std::vector<int> pcs_;
    std::vector<int> holders_;
    std::vector<int> schedule_;
};

// "T1 T1 T2 T2 T1 T2", the schedule as the window and the terminal write it.
std::string scheduleText(const std::vector<int>& schedule);
// Reads "1 1 2 2 1 2" or "T1,T1,T2" (threads from 1); nothing when a word is not a thread.
std::optional<std::vector<int>> parseSchedule(const std::string& text, int threads);

} // namespace stampede
