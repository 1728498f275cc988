#pragma once

#include <chrono>
#include <cstdint>

namespace stampede {

struct RunSnapshot;

// Requests per second over the last interval between two snapshots: the rate a run goes at
// now, where RunSnapshot::rps() is the mean since the start. Timed by the snapshots' own
// elapsed time, so a reader that polls late or twice in one interval sees the engine's rate.
// One per run: its snapshots' counts and times only grow.
class CurrentRate {
public:
    // The rate since the previous snapshot fed (since the start for the first one). A
    // snapshot no later than the previous one leaves the rate as it was.
    double next(const RunSnapshot& snapshot);

private:
    std::uint64_t lastRequests_ = 0;
    std::chrono::milliseconds lastElapsed_{0};
    double rate_ = 0;
};

} // namespace stampede
