#pragma once

#include "core/lab/deadlock/DeadlockDetection.h"
#include "core/lab/deadlock/FixResult.h"
#include "core/lab/deadlock/WaitForState.h"

#include <optional>
#include <vector>

namespace stampede {

// The deadlock demo at one moment, copied for the window or the terminal.
struct DeadlockProgress {
    enum class Phase { Idle, Deadlocking, Fixing, Done, Stopped };

    Phase phase = Phase::Idle;
    int threads = 0;
    WaitForState graph;                         // live while deadlocking; at detection after
    std::optional<DeadlockDetection> detection; // once the watchdog has spoken
    std::vector<FixResult> fixes;               // one per strategy, live while fixing

    bool ended() const { return phase == Phase::Done || phase == Phase::Stopped; }
};

} // namespace stampede
