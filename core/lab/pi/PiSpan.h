#pragma once

namespace stampede {

// One chunk of one worker, in milliseconds since the run started: drawing, or (under the
// global lock) waiting for its turn before drawing. What the trace shows.
struct PiSpan {
    double startMs = 0;
    double endMs = 0;
    bool waiting = false;
};

} // namespace stampede
