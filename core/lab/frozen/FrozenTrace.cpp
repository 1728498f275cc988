#include "core/lab/frozen/FrozenTrace.h"

#include <algorithm>

namespace stampede {

Trace demoTrace(const FrozenOptions& options, const FrozenProgress& progress) {
    Trace trace("Stampede: the frozen window, " + std::to_string(options.requests) +
                " requests to /delay/" + std::to_string(options.delay.count()));
    const int loop = trace.lane("frozen-loop");
    double offset = 0;
    for (const FrozenRun* run : {&progress.onTheLoop, &progress.onTheEngine}) {
        const bool blocking = run == &progress.onTheLoop;
        double previous = 0;
        double end = 0;
        for (const LagSample& tick : run->lags) {
            // A tick that came late: the loop could run nothing between the two.
            if (tick.lagMs > 100)
                trace.span(loop, blocking ? "blocked in the requests" : "late", "wait",
                           offset + previous, offset + tick.atMs,
                           QJsonObject{{"lag_ms", tick.lagMs}});
            trace.instant(loop, "tick", offset + tick.atMs);
            trace.counter("loop lag (ms)", offset + tick.atMs, tick.lagMs);
            previous = tick.atMs;
            end = std::max(end, tick.atMs);
        }
        if (run->done)
            trace.span(loop, blocking ? "requests on the loop's thread" : "requests on engine-io",
                       "work", offset, offset + end);
        offset += end;
    }
    return trace;
}

} // namespace stampede
