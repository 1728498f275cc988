#include "core/lab/deadlock/DeadlockTrace.h"

namespace stampede {

Trace demoTrace(const DeadlockOptions& options, const DeadlockProgress& progress) {
    Trace trace("Stampede: deadlock of " + std::to_string(options.threads) + " threads");
    const int watchdog = trace.lane("lock-watchdog");
    double fixesStart = 0;
    if (const auto& detection = progress.detection) {
        const double found = double(detection->detectedAfter.count());
        const double stalled = std::max(0.0, found - double(detection->stalledFor.count()));
        fixesStart = found;
        const WaitForState& state = detection->state;
        for (std::size_t t = 0; t < state.waitsFor.size(); ++t) {
            const int lane = trace.lane("deadlock-" + std::to_string(t + 1));
            for (std::size_t l = 0; l < state.holder.size(); ++l)
                if (state.holder[l] == int(t))
                    trace.span(lane, "holds " + WaitForState::lockName(int(l)), "lock", 0, found);
            if (state.waitsFor[t] >= 0)
                trace.span(lane, "waits for " + WaitForState::lockName(state.waitsFor[t]), "wait",
                           stalled, found);
        }
        trace.span(watchdog, "watching: no lock taken", "work", stalled, found);
        std::string cycle;
        for (const std::string& name : detection->names)
            cycle += (cycle.empty() ? "" : " → ") + name;
        trace.instant(watchdog, detection->detected ? "deadlock: " + cycle : "no cycle found",
                      found);
    }
    for (const FixResult& fix : progress.fixes) {
        const int lane = trace.lane(std::string("fix: ") + std::string(fixTitle(fix.strategy)));
        trace.span(lane, std::string(fixName(fix.strategy)), "work", fixesStart,
                   fixesStart + double(fix.elapsed.count()),
                   QJsonObject{{"rounds", fix.rounds},
                               {"backoffs", fix.backoffs},
                               {"finished", fix.finished}});
    }
    return trace;
}

} // namespace stampede
