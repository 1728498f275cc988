#include "core/lab/deadlock/WaitForState.h"

#include <algorithm>

namespace stampede {

namespace {

// The thread `thread` waits on, through the lock it wants; -1 when it waits on nobody.
int blockerOf(const WaitForState& state, int thread) {
    const int lock = state.waitsFor[static_cast<std::size_t>(thread)];
    if (lock < 0 || lock >= static_cast<int>(state.holder.size()))
        return -1;
    return state.holder[static_cast<std::size_t>(lock)];
}

} // namespace

std::vector<int> WaitForState::cycle() const {
    // Each thread waits for at most one lock and each lock has at most one holder, so every
    // thread has at most one way out: walk from each thread until the walk ends or repeats.
    const int threads = static_cast<int>(waitsFor.size());
    for (int start = 0; start < threads; ++start) {
        std::vector<int> path;
        int current = start;
        while (current >= 0 && current < threads &&
               std::find(path.begin(), path.end(), current) == path.end()) {
            path.push_back(current);
            current = blockerOf(*this, current);
        }
        if (current < 0 || current >= threads)
            continue;
        // The walk came back to `current`: the cycle is the path from there on.
        std::vector<int> found(std::find(path.begin(), path.end(), current), path.end());
        std::rotate(found.begin(), std::min_element(found.begin(), found.end()), found.end());
        return found;
    }
    return {};
}

std::vector<std::string> WaitForState::describeCycle(const std::vector<int>& threads) const {
    std::vector<std::string> names;
    for (const int thread : threads) {
        names.push_back(threadName(thread));
        names.push_back(lockName(waitsFor[static_cast<std::size_t>(thread)]));
    }
    return names;
}

} // namespace stampede
