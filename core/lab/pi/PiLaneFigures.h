#pragma once

#include "core/lab/pi/PiTally.h"

namespace stampede {

// What one worker thread has done so far: its tally and the time it has been drawing.
struct PiLaneFigures {
    PiTally tally;
    double seconds = 0.0;
    double waitSeconds = 0.0; // of those, waiting for the global lock (zero without it)

    // Samples per second of the run's wall time, waits included.
    double samplesPerSecond() const { return seconds > 0 ? double(tally.samples) / seconds : 0.0; }
};

} // namespace stampede
