#include "core/monitor/ThreadHistory.h"

#include <algorithm>
#include <map>

namespace stampede {

ThreadHistory::ThreadHistory(double windowSeconds)
    : windowSeconds_(windowSeconds) {}

void ThreadHistory::add(const ProcessSample& sample) {
    samples_.push_back(sample);
    const double oldest = sample.seconds - windowSeconds_;
    while (!samples_.empty() && samples_.front().seconds <= oldest)
        samples_.pop_front();
}

double ThreadHistory::latestSeconds() const {
    return samples_.empty() ? 0.0 : samples_.back().seconds;
}

std::vector<ThreadLane> ThreadHistory::lanes() const {
    const double windowBegin = latestSeconds() - windowSeconds_;
    std::map<int, ThreadLane> byId;
    for (const ProcessSample& sample : samples_) {
        const double begin = std::max(sample.seconds - sample.periodSeconds, windowBegin);
        for (const ThreadSample& thread : sample.threads) {
            ThreadLane& lane = byId[thread.id];
            lane.id = thread.id;
            lane.name = thread.name; // the latest name wins: threads may rename themselves
            std::vector<RunSpan>& spans = lane.spans;
            // Contiguous with the last span in the same state: extend it rather than add one.
            if (!spans.empty() && spans.back().running == thread.running &&
                spans.back().end >= begin - 1e-6)
                spans.back().end = sample.seconds;
            else
                spans.push_back({begin, sample.seconds, thread.running});
        }
    }
    std::vector<ThreadLane> lanes;
    lanes.reserve(byId.size());
    for (auto& [id, lane] : byId)
        lanes.push_back(std::move(lane));
    return lanes;
}

} // namespace stampede
