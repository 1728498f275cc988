#include "core/lab/deadlock/WaitForGraph.h"

namespace stampede {

WaitForGraph::WaitForGraph(int threads)
    : lastProgress_(Clock::now()) {
    state_.holder.assign(static_cast<std::size_t>(threads), -1);
    state_.waitsFor.assign(static_cast<std::size_t>(threads), -1);
}

void WaitForGraph::waiting(int thread, int lock) {
    const std::lock_guard guard(mutex_);
    state_.waitsFor[static_cast<std::size_t>(thread)] = lock;
}

void WaitForGraph::acquired(int thread, int lock) {
    const std::lock_guard guard(mutex_);
    state_.waitsFor[static_cast<std::size_t>(thread)] = -1;
    state_.holder[static_cast<std::size_t>(lock)] = thread;
    lastProgress_ = Clock::now();
}

void WaitForGraph::released(int thread, int lock) {
    const std::lock_guard guard(mutex_);
    if (state_.holder[static_cast<std::size_t>(lock)] == thread)
        state_.holder[static_cast<std::size_t>(lock)] = -1;
}

void WaitForGraph::gaveUp(int thread) {
    const std::lock_guard guard(mutex_);
    state_.waitsFor[static_cast<std::size_t>(thread)] = -1;
}

WaitForState WaitForGraph::state() const {
    const std::lock_guard guard(mutex_);
    return state_;
}

WaitForGraph::Clock::time_point WaitForGraph::lastProgress() const {
    const std::lock_guard guard(mutex_);
    return lastProgress_;
}

} // namespace stampede
