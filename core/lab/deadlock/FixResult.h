#pragma once

#include <chrono>
#include <string_view>

namespace stampede {

// The three ways out of the ring deadlock the demo runs side by side.
enum class FixStrategy {
    GlobalOrder, // every thread takes the lower-numbered lock first
    ScopedLock,  // std::scoped_lock takes both at once (try, back off, retry inside)
    Backoff,     // a timed try for the second lock; on failure drop the first and wait
};

std::string_view fixName(FixStrategy strategy);  // "global-order", …, for JSON and tests
std::string_view fixTitle(FixStrategy strategy); // "One global lock order", … for people

// How one fix is doing, or how it did once `done`.
struct FixResult {
    FixStrategy strategy = FixStrategy::GlobalOrder;
    bool done = false;     // every thread has ended
    bool finished = false; // …and each did all its rounds (not stopped or timed out)
    std::chrono::milliseconds elapsed{0};
    int rounds = 0;   // rounds completed by all threads together
    int backoffs = 0; // times a thread let go of its first lock to try again later
};

} // namespace stampede
