#pragma once

#include <string>
#include <vector>

namespace stampede {

// Who holds which lock and who waits for which, at one moment: the wait-for graph of the
// deadlock demo. Threads and locks are numbered 0…n-1 and shown as T1…Tn and L1…Ln.
struct WaitForState {
    std::vector<int> holder;   // per lock: the thread holding it, or -1
    std::vector<int> waitsFor; // per thread: the lock it is waiting for, or -1

    // The threads of a wait-for cycle (each waits for a lock the next one holds), starting
    // with the lowest-numbered thread on it; empty when no thread waits in a circle.
    std::vector<int> cycle() const;

    // The cycle spelt out as it closes: T1, L2, T2, L1 (then back to T1).
    std::vector<std::string> describeCycle(const std::vector<int>& threads) const;

    static std::string threadName(int thread) { return "T" + std::to_string(thread + 1); }
    static std::string lockName(int lock) { return "L" + std::to_string(lock + 1); }
};

} // namespace stampede
