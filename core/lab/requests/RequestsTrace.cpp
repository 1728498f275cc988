#include "core/lab/requests/RequestsTrace.h"

#include <algorithm>
#include <utility>
#include <vector>

namespace stampede {
namespace {

QJsonObject requestArgs(const RequestRecord& r) {
    return {{"status", r.status}, {"bytes", qint64(r.bytes)}, {"id", qint64(r.id)}};
}

} // namespace

Trace demoTrace(const RequestsOptions& options, const RequestsProgress& progress) {
    Trace trace("Stampede: " + std::to_string(options.requests) + " requests to " +
                options.delayUrl());
    const int sequential = trace.lane("one at a time");
    for (const RequestRecord& r : progress.sequential.records)
        trace.span(sequential, "request " + std::to_string(r.id), "work", r.startedMs, r.doneMs,
                   requestArgs(r));
    const double offset = progress.sequential.totalMs();
    std::vector<std::pair<double, double>> inFlight;
    std::vector<RequestRecord> concurrent = progress.concurrent.records;
    std::sort(concurrent.begin(), concurrent.end(),
              [](const auto& a, const auto& b) { return a.startedMs < b.startedMs; });
    for (std::size_t i = 0; i < concurrent.size(); ++i) {
        const RequestRecord& r = concurrent[i];
        const int lane = trace.lane("all at once #" + std::to_string(i + 1));
        trace.span(lane, "request " + std::to_string(r.id), "work", offset + r.startedMs,
                   offset + r.doneMs, requestArgs(r));
        inFlight.emplace_back(offset + r.startedMs, offset + r.doneMs);
    }
    for (const RequestRecord& r : progress.sequential.records)
        inFlight.emplace_back(r.startedMs, r.doneMs);
    trace.overlapCounter("in flight", inFlight);
    return trace;
}

} // namespace stampede
