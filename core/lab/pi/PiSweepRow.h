#pragma once

namespace stampede {

// One thread count of a speed-up sweep: the same total samples on `threads` threads.
struct PiSweepRow {
    int threads = 1;
    double seconds = 0.0;
    double speedup = 1.0; // seconds on one thread / seconds here
    double samplesPerSecond = 0.0;
    double estimate = 0.0;
    double startedMs = 0.0; // since the sweep started
    bool gil = false;       // under the global lock; its speed-up is over 1 thread under it
};

} // namespace stampede
