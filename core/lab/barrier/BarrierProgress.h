#pragma once

#include <vector>

namespace stampede {

// One thread in one phase, in milliseconds since the demo started; -1 = not yet (or never:
// stopped).
struct PhaseTiming {
    double plannedMs = 0; // how long its work in this phase takes
    double workFromMs = -1;
    double arrivedMs = -1;   // reached the barrier
    double continuedMs = -1; // the barrier let it go on

    bool arrived() const { return arrivedMs >= 0; }
    bool continued() const { return continuedMs >= 0; }
    double waitMs() const { return continued() ? continuedMs - arrivedMs : 0; }
};

// The barrier demo at one moment, copied for the window or the terminal.
struct BarrierProgress {
    int threads = 0;
    int phases = 0;
    bool threadsEnded = false; // every thread has ended
    bool stopped = false;      // …because it was asked to, not because every phase was done
    std::vector<std::vector<PhaseTiming>> timings; // [thread][phase]
    std::vector<double> releasedMs;                // per phase: when the barrier's completion ran
    double elapsedMs = 0;                          // since the start, until the last thread ended

    bool ended() const { return threadsEnded; }
    int phasesReleased() const { return int(releasedMs.size()); }
    // The last thread to arrive in `phase` (0-based), -1 before it is released.
    int slowestThread(int phase) const;
    // The time every other thread spent waiting at the barrier in `phase`.
    double waitedMs(int phase) const;
    double totalWaitedMs() const;
    double latestArrivalMs(int phase) const;
    // Times a thread went on from `phase` before the last one arrived there: always 0.
    int earlyReleases() const;
};

} // namespace stampede
