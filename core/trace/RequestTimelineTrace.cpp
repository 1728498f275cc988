#include "core/trace/RequestTimelineTrace.h"

#include <algorithm>
#include <map>
#include <utility>

namespace stampede {

Trace requestTimelineTrace(const std::vector<RequestRecord>& records, const std::string& title) {
    Trace trace("Stampede: " + title);
    std::vector<RequestRecord> sorted = records;
    std::sort(sorted.begin(), sorted.end(),
              [](const auto& a, const auto& b) { return a.lane < b.lane; });
    std::map<int, int> lanes;
    for (const RequestRecord& r : sorted)
        if (!lanes.count(r.lane))
            lanes[r.lane] = trace.lane("user " + std::to_string(r.lane + 1));
    std::vector<std::pair<double, double>> inFlight;
    for (const RequestRecord& r : records) {
        const int lane = lanes[r.lane];
        const bool failed = r.error.has_value() || r.status >= 400 || r.status == 0;
        const std::string name = "step " + std::to_string(r.step + 1) + ": " +
                                 (r.status ? std::to_string(r.status) : std::string("no response"));
        if (r.startedMs > r.intendedMs + 0.001)
            trace.span(lane, "waiting to send (behind schedule)", "wait", r.intendedMs,
                       r.startedMs);
        QJsonObject args{{"id", qint64(r.id)}, {"bytes", qint64(r.bytes)}};
        if (r.firstByteMs >= 0)
            args["first_byte_ms"] = r.firstByteMs - r.startedMs;
        trace.span(lane, name, failed ? "error" : "work", r.startedMs, r.doneMs, args);
        inFlight.emplace_back(r.startedMs, r.doneMs);
    }
    // A sample is the newest stretch of a run: its count starts at its first send.
    const auto first = std::min_element(inFlight.begin(), inFlight.end());
    trace.overlapCounter("in flight (of this sample)", inFlight,
                         first == inFlight.end() ? 0 : first->first);
    return trace;
}

} // namespace stampede
