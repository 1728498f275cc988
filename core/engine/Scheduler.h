#pragma once

#include "core/engine/RunAccumulator.h"

#include <chrono>

namespace stampede {

// Decides when a run's requests go, through a Dispatcher: the closed loop (virtual users,
// think time, ramps) or the open loop (intended times, an in-flight cap, a counted backlog,
// ramps). The transport beneath it decides how they travel. All on engine-io.
class Scheduler {
public:
    using Clock = std::chrono::steady_clock;

    virtual ~Scheduler() = default;

    virtual void start() = 0;
    virtual void onTick(Clock::time_point now) = 0; // every 100 ms: follow the ramps
    // The request on `slot` ended and was counted: send the next one or let the slot rest.
    // True once the run is complete: its request limit reached and nothing left in flight.
    virtual bool afterRequest(int slot) = 0;
    virtual void stop() = 0; // sends nothing more: timers cancelled, any backlog dropped
    virtual RunAccumulator::Gauges gauges(Clock::time_point now) const = 0;
};

} // namespace stampede
