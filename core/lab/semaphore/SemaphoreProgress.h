#pragma once

#include <vector>

namespace stampede {

// One job of the semaphore demo, times in milliseconds since the demo started; -1 = not yet.
struct JobTiming {
    int job = 0;
    double plannedMs = 0; // how long its work takes once it runs
    double queuedMs = -1; // began waiting for a free slot
    double startedMs = -1;
    double finishedMs = -1;

    bool finished() const { return finishedMs >= 0; }
    double waitMs() const { return startedMs >= 0 ? startedMs - queuedMs : 0; }
    double runMs() const { return finished() ? finishedMs - startedMs : 0; }
};

// The number of jobs running after one of them started or finished.
struct ActiveSample {
    double ms = 0;
    int active = 0;
};

// The semaphore demo at one moment, copied for the window or the terminal.
struct SemaphoreProgress {
    int limit = 0;
    bool threadsEnded = false; // every job thread has ended
    bool stopped = false;      // …because it was asked to, not because all jobs finished
    std::vector<JobTiming> jobs;
    std::vector<ActiveSample> active; // in time order
    int maxActive = 0;
    double elapsedMs = 0; // since the start, until the last job thread ended

    bool ended() const { return threadsEnded; }
    int finishedJobs() const;
    double totalMs() const; // until the last job finished
    double meanWaitMs() const;
    double meanRunMs() const;
};

} // namespace stampede
