#include "core/lab/async/AsyncTrace.h"

#include <algorithm>
#include <utility>
#include <vector>

namespace stampede {

Trace demoTrace(const AsyncOptions& options, const AsyncProgress& progress) {
    Trace trace("Stampede: " + std::to_string(options.requests) +
                " requests to /delay, gather, as_completed and wait (" + options.latency + ")");
    std::vector<std::pair<double, double>> inFlight;
    double offset = 0; // each round starts where the one before it ended
    for (const AsyncRound& round : progress.rounds) {
        if (!round.started)
            continue;
        const std::string mode(asyncModeName(round.mode));
        const int own = trace.lane(mode + ": " + std::string(asyncioCall(round.mode)));
        const auto requests = round.requests();
        for (const AsyncRequest& r : requests) {
            const int lane = trace.lane(mode + ": #" + std::to_string(r.index + 1));
            const std::string name = "GET /delay/" + std::to_string(r.plannedMs);
            const double end = r.endMs >= 0 ? r.endMs : round.nowMs;
            const QJsonObject args{{"planned_ms", r.plannedMs},
                                   {"status", r.status},
                                   {"taken", r.state == AsyncRequest::State::Taken}};
            trace.span(lane, name, r.state == AsyncRequest::State::Cancelled ? "cancelled" : "work",
                       offset + r.startedMs, offset + end, args);
            inFlight.emplace_back(offset + r.startedMs, offset + end);
        }
        for (const int index : round.taken())
            trace.instant(own, "taken #" + std::to_string(index + 1),
                          offset + requests[std::size_t(index)].endMs);
        if (round.mode == AsyncMode::Timeout)
            trace.instant(own, "timeout", offset + round.timeoutMs);
        if (round.cancelledAtMs)
            trace.instant(own, "cancel " + std::to_string(round.cancelled()),
                          offset + *round.cancelledAtMs);
        offset += std::max(round.endMs(), round.nowMs);
    }
    trace.overlapCounter("in flight", inFlight);
    return trace;
}

} // namespace stampede
