#include "core/lab/stepper/StepProgram.h"

#include <algorithm>

namespace stampede {
namespace {

using Kind = ThreadStep::Kind;

StepProgram race(std::string name, int threads, bool locked) {
    StepProgram program;
    program.name = std::move(name);
    program.title = std::to_string(threads) + " threads, counter += 1" +
                    (locked ? " inside a lock" : " (read, add, write)");
    program.locks = locked ? 1 : 0;
    for (int t = 0; t < threads; ++t) {
        std::vector<ThreadStep> steps{{Kind::Read}, {Kind::Add}, {Kind::Write}};
        if (locked) {
            steps.insert(steps.begin(), {Kind::Lock, 0});
            steps.push_back({Kind::Unlock, 0});
        }
        program.threads.push_back(std::move(steps));
    }
    return program;
}

StepProgram deadlock() {
    StepProgram program;
    program.name = "deadlock";
    program.title = "2 threads take two locks in opposite order";
    program.locks = 2;
    program.threads = {
        {{Kind::Lock, 0}, {Kind::Lock, 1}, {Kind::Unlock, 1}, {Kind::Unlock, 0}},
        {{Kind::Lock, 1}, {Kind::Lock, 0}, {Kind::Unlock, 0}, {Kind::Unlock, 1}},
    };
    return program;
}

} // namespace

int StepProgram::expected() const {
    return int(std::count_if(threads.begin(), threads.end(), [](const auto& steps) {
        return std::any_of(steps.begin(), steps.end(),
                           [](const ThreadStep& s) { return s.kind == Kind::Add; });
    }));
}

const std::vector<StepProgram>& stepPrograms() {
    static const std::vector<StepProgram> programs{race("race", 2, false), race("race3", 3, false),
                                                   race("locked", 2, true), deadlock()};
    return programs;
}

std::optional<StepProgram> stepProgram(std::string_view name) {
    for (const StepProgram& program : stepPrograms())
        if (program.name == name)
            return program;
    return std::nullopt;
}

std::string stepThreadName(int thread) {
    return "T" + std::to_string(thread + 1);
}

std::string stepText(const ThreadStep& step, int thread) {
    const std::string reg = "r" + std::to_string(thread + 1);
    const std::string lock = "L" + std::to_string(step.lock + 1);
    switch (step.kind) {
    case Kind::Read:
        return "read counter → " + reg;
    case Kind::Add:
        return reg + " ← " + reg + " + 1";
    case Kind::Write:
        return "write " + reg + " → counter";
    case Kind::Lock:
        return "lock " + lock;
    case Kind::Unlock:
        return "unlock " + lock;
    }
    return {};
}

} // namespace stampede
