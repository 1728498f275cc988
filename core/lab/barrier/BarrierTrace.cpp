#include "core/lab/barrier/BarrierTrace.h"

#include <algorithm>
#include <map>

namespace stampede {

Trace demoTrace(const BarrierOptions&, const BarrierProgress& progress) {
    Trace trace("Stampede: barrier");
    std::map<double, int> waitingChanges; // time -> change in how many wait at the barrier
    for (std::size_t t = 0; t < progress.timings.size(); ++t) {
        const int lane = trace.lane("barrier-" + std::to_string(t + 1));
        for (std::size_t p = 0; p < progress.timings[t].size(); ++p) {
            const PhaseTiming& timing = progress.timings[t][p];
            const QJsonObject args{{"phase", int(p + 1)}};
            if (timing.workFromMs >= 0 && timing.arrived())
                trace.span(lane, "work", "work", timing.workFromMs, timing.arrivedMs, args);
            if (timing.continued()) {
                trace.span(lane, "waiting at the barrier", "wait", timing.arrivedMs,
                           timing.continuedMs, args);
                ++waitingChanges[timing.arrivedMs];
                --waitingChanges[timing.continuedMs];
            }
        }
    }
    const int released = std::min(progress.phasesReleased(), progress.phases);
    // On the lane of the thread everyone waited for.
    for (int p = 0; p < released; ++p)
        if (const int slowest = progress.slowestThread(p); slowest >= 0)
            trace.instant(slowest + 1, "released", progress.releasedMs[std::size_t(p)],
                          QJsonObject{{"phase", p + 1}});
    int waiting = 0;
    trace.counter("waiting at the barrier", 0, 0);
    for (const auto& [ms, change] : waitingChanges)
        trace.counter("waiting at the barrier", ms, waiting += change);
    return trace;
}

} // namespace stampede
