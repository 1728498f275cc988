#pragma once

#include "core/lab/pi/PiLaneFigures.h"
#include "core/lab/pi/PiSpan.h"

#include <vector>

namespace stampede {

// A copy of a run's state for display: every worker's figures and the run's totals. While a
// run is going, `tally` is what the workers have drawn so far; at the end it is the estimate's
// own tally (in target mode, up to the round that met the target).
struct PiProgress {
    std::vector<PiLaneFigures> lanes;
    PiTally tally;
    // The estimate's early points (see PiCheckpoints): all workers' tallies at each checkpoint
    // every worker has passed, in increasing samples.
    std::vector<PiTally> checkpoints;
    // Each worker's chunks, once the run has ended (empty while it runs: only the trace needs
    // them, and copying them ten times a second would be waste).
    std::vector<std::vector<PiSpan>> spans;
    double seconds = 0.0;
    bool finished = false;
    bool stopped = false;       // ended early by a stop request
    bool targetReached = false; // target mode: the standard error went below the target

    bool ended() const { return finished; }

    // Work done per second of wall time, every worker's samples counted.
    double samplesPerSecond() const {
        double samples = 0;
        for (const PiLaneFigures& lane : lanes)
            samples += double(lane.tally.samples);
        return seconds > 0 ? samples / seconds : 0.0;
    }
};

} // namespace stampede
