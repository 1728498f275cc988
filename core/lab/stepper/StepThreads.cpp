#include "core/lab/stepper/StepThreads.h"

#include "core/sys/ThreadName.h"

#include <algorithm>

namespace stampede {

StepThreads::StepThreads(StepProgram program)
    : model_(std::move(program))
    , locks_(std::make_unique<std::mutex[]>(std::size_t(std::max(1, model_.program().locks)))) {
    threads_.start(model_.threads(), [this](std::stop_token stop, int t) { run(stop, t); });
}

StepThreads::~StepThreads() {
    threads_.requestStop();
    changed_.notify_all();
}

std::optional<std::string> StepThreads::grant(int thread) {
    {
        const std::lock_guard lock(mutex_);
        if (granted_ >= 0)
            return stepThreadName(granted_) + " is still taking its step";
        if (const auto why = model_.whyNot(thread))
            return why;
        granted_ = thread;
    }
    changed_.notify_all();
    return std::nullopt;
}

bool StepThreads::waitIdle(std::chrono::milliseconds timeout) const {
    std::unique_lock lock(mutex_);
    return changed_.wait_for(lock, timeout, [this] { return granted_ < 0; });
}

StepperSnapshot StepThreads::snapshot() const {
    const std::lock_guard lock(mutex_);
    return {model_, records_, granted_ >= 0};
}

double StepThreads::ms(Clock::time_point t) const {
    return std::chrono::duration<double, std::milli>(t - started_).count();
}

void StepThreads::run(std::stop_token stop, int thread) {
    setCurrentThreadName("step-" + std::to_string(thread + 1));
    const std::vector<ThreadStep>& steps = model_.program().threads[std::size_t(thread)];
    int reg = 0;
    std::vector<int> held;
    for (;;) {
        std::unique_lock lock(mutex_);
        if (!changed_.wait(lock, stop, [&] { return granted_ == thread; }))
            break;
        const int index = model_.next(thread);
        const ThreadStep step = steps[std::size_t(index)];
        lock.unlock();
        // The step itself, on the shared memory, outside the stepper's own bookkeeping.
        const Clock::time_point began = Clock::now();
        switch (step.kind) {
        case ThreadStep::Kind::Read:
            reg = counter_.load(std::memory_order_relaxed);
            break;
        case ThreadStep::Kind::Add:
            ++reg;
            break;
        case ThreadStep::Kind::Write:
            counter_.store(reg, std::memory_order_relaxed);
            break;
        case ThreadStep::Kind::Lock:
            locks_[std::size_t(step.lock)].lock(); // free: the model refused it otherwise
            held.push_back(step.lock);
            break;
        case ThreadStep::Kind::Unlock:
            locks_[std::size_t(step.lock)].unlock();
            std::erase(held, step.lock);
            break;
        }
        const Clock::time_point ended = Clock::now();
        lock.lock();
        model_.step(thread);
        records_.push_back(
            {thread, index, ms(began), ms(ended), counter_.load(std::memory_order_relaxed), reg});
        granted_ = -1;
        const bool done = model_.done(thread);
        lock.unlock();
        changed_.notify_all();
        if (done)
            break;
    }
    // Stopped in a deadlock: a std::mutex must not die locked.
    for (const int l : held)
        locks_[std::size_t(l)].unlock();
}

} // namespace stampede
