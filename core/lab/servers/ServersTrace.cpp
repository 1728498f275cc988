#include "core/lab/servers/ServersTrace.h"

#include <algorithm>
#include <map>
#include <utility>
#include <vector>

namespace stampede {
namespace {

constexpr int kLanesPerRun = 8;

void addRun(Trace& trace, const ServerRun& run, const std::string& name, double offsetMs) {
    std::map<int, int> lanes;
    std::vector<std::pair<double, double>> inFlight;
    for (const RequestRecord& r : run.records) {
        inFlight.emplace_back(offsetMs + r.startedMs, offsetMs + r.doneMs);
        if (r.lane >= kLanesPerRun)
            continue;
        auto found = lanes.find(r.lane);
        if (found == lanes.end())
            found = lanes.emplace(r.lane, trace.lane(name + ": user " + std::to_string(r.lane + 1)))
                        .first;
        trace.span(found->second, "GET /delay", "work", offsetMs + r.startedMs, offsetMs + r.doneMs,
                   QJsonObject{{"status", r.status}});
    }
    trace.overlapCounter(name + ": in flight", inFlight, offsetMs);
}

} // namespace

Trace demoTrace(const ServersOptions& options, const ServersProgress& progress) {
    Trace trace("Stampede: sync (" + std::to_string(options.workers) + " workers) vs async server");
    addRun(trace, progress.sync, "sync", 0);
    double syncEnd = 0;
    for (const RequestRecord& r : progress.sync.records)
        syncEnd = std::max(syncEnd, r.doneMs);
    addRun(trace, progress.async, "async", syncEnd);
    return trace;
}

} // namespace stampede
