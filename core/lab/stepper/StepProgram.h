#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace stampede {

// One step a thread of the stepper takes. `counter += 1` in any language is three of them:
// read the shared counter into the thread's register, add one to the register, write the
// register back. A lock is taken and released in steps of its own.
struct ThreadStep {
    enum class Kind { Read, Add, Write, Lock, Unlock };
    Kind kind = Kind::Read;
    int lock = -1; // Lock and Unlock: which lock, from 0
};

// What each thread runs, step by step: the course's lost update, the same with a lock around
// it, and two threads taking two locks in opposite order.
struct StepProgram {
    std::string name;  // "race", "race3", "locked", "deadlock": what --program takes
    std::string title; // for people
    std::vector<std::vector<ThreadStep>> threads;
    int locks = 0;

    // The counter when no update is lost: one per thread that adds.
    int expected() const;
};

// Every program by name, in the order the window lists them.
const std::vector<StepProgram>& stepPrograms();
std::optional<StepProgram> stepProgram(std::string_view name);
// "read counter → r1", "r1 ← r1 + 1", "write r1 → counter", "lock L1", "unlock L1".
std::string stepText(const ThreadStep& step, int thread);
// "T1", "T2", …: the stepper's threads as the course writes them (the OS names: step-1, …).
std::string stepThreadName(int thread);

} // namespace stampede
