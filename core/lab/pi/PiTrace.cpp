#include "core/lab/pi/PiTrace.h"

#include <algorithm>
#include <utility>
#include <vector>

namespace stampede {

Trace demoTrace(const PiOptions& options, const PiProgress& run) {
    Trace trace(options.gil ? "Stampede: Monte Carlo π under one global lock"
                            : "Stampede: Monte Carlo π");
    // How many workers draw at each moment: one under the lock, all of them without.
    std::vector<std::pair<double, double>> drawing;
    for (std::size_t i = 0; i < run.spans.size(); ++i) {
        const int lane = trace.lane("pi-" + std::to_string(i + 1));
        for (const PiSpan& span : run.spans[i]) {
            if (span.waiting) {
                trace.span(lane, "waiting for the lock", "wait", span.startMs, span.endMs);
                continue;
            }
            trace.span(lane, options.gil ? "chunk, holding the lock" : "chunk", "work",
                       span.startMs, span.endMs);
            drawing.emplace_back(span.startMs, span.endMs);
        }
    }
    trace.overlapCounter("threads drawing", drawing);
    return trace;
}

Trace demoTrace(const PiSweepOptions& options, const PiSweepProgress& sweep) {
    Trace trace("Stampede: Monte Carlo π speed-up sweep");
    const int lane = trace.lane("pi-sweep");
    for (const PiSweepRow& row : sweep.rows) {
        std::string name =
            std::to_string(row.threads) + (row.threads == 1 ? " thread" : " threads");
        if (options.run.gil)
            name += row.gil ? ", with the lock" : ", without the lock";
        trace.span(lane, name, "work", row.startedMs, row.startedMs + row.seconds * 1000,
                   QJsonObject{{"speedup", row.speedup}, {"threads", row.threads}});
        trace.counter("speed-up", row.startedMs + row.seconds * 1000, row.speedup);
    }
    return trace;
}

} // namespace stampede
