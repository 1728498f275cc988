#pragma once

#include "core/lab/race/RaceMode.h"

#include <cstdint>
#include <vector>

namespace stampede {

// One worker's run, in milliseconds from the first worker's start.
struct ThreadSpan {
    double startMs = 0;
    double endMs = 0;
};

// How long the workers of one run took, together and each.
struct TogetherRun {
    double milliseconds = 0.0; // from the first start to the last end
    std::vector<ThreadSpan> threads;
};

// One run of the race demo: what the counter should say, what it says, and how long it took.
// A wallet run uses the same figures for the balance (see WalletRace); there the actual value
// may miss on either side, so `difference` is signed.
struct RaceOutcome {
    RaceMode mode = RaceMode::Unsynchronised;
    int threads = 0;
    std::uint64_t increments = 0; // per thread
    std::int64_t expected = 0;
    std::int64_t actual = 0;
    double milliseconds = 0.0;
    bool stopped = false;                // ended early: expected no longer applies
    std::vector<ThreadSpan> threadSpans; // each worker's run, for the trace
    double startedMs = 0.0;              // since the experiment started

    void setTimes(TogetherRun run) {
        milliseconds = run.milliseconds;
        threadSpans = std::move(run.threads);
    }

    std::int64_t difference() const { return actual - expected; }
    // Updates the counter never saw (for the counter, never below zero: see RaceCounter).
    std::int64_t lost() const { return expected - actual; }
};

} // namespace stampede
