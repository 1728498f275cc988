#pragma once

#include "core/lab/race/RaceOutcome.h"

#include <stop_token>

namespace stampede {

// The classic lost-update experiment: `threads` threads (race-1, race-2, …), started together,
// each add 1 to one shared counter `increments` times, in the given mode.
//
// The unsynchronised mode has no undefined behaviour: the counter is a std::atomic read with
// one relaxed load and written with a separate relaxed store. Each access is indivisible, so
// ThreadSanitizer has nothing to report, yet another thread can store between our load and
// our store and that store is overwritten: an update lost, exactly as with a plain int, minus
// the undefined behaviour. Every stored value is one more than a value stored before it, so
// the count never exceeds the expected total; it can fall as low as 2.
class RaceCounter {
public:
    static RaceOutcome run(RaceMode mode, int threads, std::uint64_t increments,
                           std::stop_token stop = {});
};

} // namespace stampede
