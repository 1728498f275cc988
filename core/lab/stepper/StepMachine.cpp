#include "core/lab/stepper/StepMachine.h"

#include <cctype>

namespace stampede {

StepMachine::StepMachine(StepProgram program)
    : program_(std::move(program))
    , registers_(program_.threads.size(), 0)
    , pcs_(program_.threads.size(), 0)
    , holders_(std::size_t(program_.locks), -1) {}

bool StepMachine::done(int thread) const {
    return pcs_[std::size_t(thread)] >= int(program_.threads[std::size_t(thread)].size());
}

std::optional<int> StepMachine::blockedOn(int thread) const {
    if (done(thread))
        return std::nullopt;
    const ThreadStep& step = program_.threads[std::size_t(thread)][std::size_t(next(thread))];
    if (step.kind == ThreadStep::Kind::Lock && holder(step.lock) >= 0 &&
        holder(step.lock) != thread)
        return step.lock;
    return std::nullopt;
}

bool StepMachine::finished() const {
    for (int t = 0; t < threads(); ++t)
        if (!done(t))
            return false;
    return true;
}

bool StepMachine::deadlocked() const {
    if (finished())
        return false;
    for (int t = 0; t < threads(); ++t)
        if (runnable(t))
            return false;
    return true;
}

std::optional<std::string> StepMachine::whyNot(int thread) const {
    if (thread < 0 || thread >= threads())
        return "there is no thread " + std::to_string(thread + 1);
    if (done(thread))
        return stepThreadName(thread) + " is done";
    if (const auto lock = blockedOn(thread))
        return stepThreadName(thread) + " waits for L" + std::to_string(*lock + 1) + ", which " +
               stepThreadName(holder(*lock)) + " holds";
    return std::nullopt;
}

bool StepMachine::step(int thread) {
    if (whyNot(thread))
        return false;
    const ThreadStep& step = program_.threads[std::size_t(thread)][std::size_t(next(thread))];
    int& reg = registers_[std::size_t(thread)];
    switch (step.kind) {
    case ThreadStep::Kind::Read:
        reg = counter_;
        break;
    case ThreadStep::Kind::Add:
        reg += 1;
        break;
    case ThreadStep::Kind::Write:
        counter_ = reg;
        break;
    case ThreadStep::Kind::Lock:
        holders_[std::size_t(step.lock)] = thread;
        break;
    case ThreadStep::Kind::Unlock:
        holders_[std::size_t(step.lock)] = -1;
        break;
    }
    ++pcs_[std::size_t(thread)];
    schedule_.push_back(thread);
    return true;
}

std::string scheduleText(const std::vector<int>& schedule) {
    std::string text;
    for (const int thread : schedule)
        text += (text.empty() ? "" : " ") + stepThreadName(thread);
    return text;
}

std::optional<std::vector<int>> parseSchedule(const std::string& text, int threads) {
    std::vector<int> schedule;
    std::string word;
    const auto take = [&]() -> bool {
        if (word.empty())
            return true;
        std::string digits = word;
        if (digits.front() == 'T' || digits.front() == 't')
            digits.erase(0, 1);
        if (digits.empty() || digits.size() > 2)
            return false;
        for (const char c : digits)
            if (!std::isdigit(static_cast<unsigned char>(c)))
                return false;
        const int thread = std::stoi(digits);
        if (thread < 1 || thread > threads)
            return false;
        schedule.push_back(thread - 1);
        word.clear();
        return true;
    };
    for (const char c : text) {
        if (c == ' ' || c == ',' || c == '\t') {
            if (!take())
                return std::nullopt;
        } else {
            word += c;
        }
    }
    if (!take())
        return std::nullopt;
    return schedule;
}

} // namespace stampede
