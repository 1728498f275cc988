#pragma once

#include "core/monitor/ProcessSample.h"
#include "core/monitor/ThreadLane.h"

#include <deque>

namespace stampede {

// The last seconds of samples, turned into one timeline lane per thread seen in them.
// Memory is bounded by the window, whatever the run length.
class ThreadHistory {
public:
    explicit ThreadHistory(double windowSeconds = 30.0);

    void add(const ProcessSample& sample);
    void clear() { samples_.clear(); }

    // Lanes ordered by thread id (the main thread first); spans clipped to the window.
    std::vector<ThreadLane> lanes() const;
    double windowSeconds() const { return windowSeconds_; }
    // The end of the newest sample, or 0 before any.
    double latestSeconds() const;

private:
    double windowSeconds_;
    std::deque<ProcessSample> samples_;
};

} // namespace stampede
