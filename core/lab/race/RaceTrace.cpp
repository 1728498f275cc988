#include "core/lab/race/RaceTrace.h"

#include <map>

namespace stampede {

Trace demoTrace(const RaceOptions&, const RaceReport& report) {
    Trace trace("Stampede: race conditions");
    std::map<std::string, int> lanes;
    const auto lane = [&](const std::string& name) {
        const auto found = lanes.find(name);
        return found != lanes.end() ? found->second : lanes[name] = trace.lane(name);
    };
    const auto add = [&](const RaceOutcome& o, const std::string& prefix, const std::string& what) {
        for (std::size_t i = 0; i < o.threadSpans.size(); ++i)
            trace.span(lane(prefix + std::to_string(i + 1)), what, "work",
                       o.startedMs + o.threadSpans[i].startMs, o.startedMs + o.threadSpans[i].endMs,
                       QJsonObject{{"increments", qint64(o.increments)},
                                   {"expected", qint64(o.expected)},
                                   {"actual", qint64(o.actual)}});
        trace.counter(prefix == "wallet-" ? "wallet: balance off by" : "lost updates",
                      o.startedMs + o.milliseconds,
                      double(prefix == "wallet-" ? o.difference() : o.lost()));
    };
    for (const RaceOutcome& o : report.modes)
        add(o, "race-", std::string(raceModeName(o.mode)));
    for (const RaceOutcome& o : report.sweep)
        add(o, "race-", "unsynchronised ×" + std::to_string(o.increments));
    for (const RaceOutcome& o : report.wallet)
        add(o, "wallet-", o.mode == RaceMode::Mutex ? "wallet, locked" : "wallet, unlocked");
    return trace;
}

} // namespace stampede
