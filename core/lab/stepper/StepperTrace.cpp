#include "core/lab/stepper/StepperTrace.h"

#include <map>
#include <utility>

namespace stampede {

Trace stepperTrace(const StepProgram& program, const std::vector<StepRecord>& records) {
    Trace trace("Stampede: stepper, " + program.title);
    std::vector<int> lanes;
    for (std::size_t t = 0; t < program.threads.size(); ++t)
        lanes.push_back(trace.lane("step-" + std::to_string(t + 1)));
    std::map<std::pair<int, int>, double> heldSince; // (thread, lock) → when taken
    trace.counter("counter", 0, 0);
    for (const StepRecord& r : records) {
        const ThreadStep& step = program.threads[std::size_t(r.thread)][std::size_t(r.step)];
        const int lane = lanes[std::size_t(r.thread)];
        trace.span(lane, stepText(step, r.thread), "work", r.startMs, r.endMs,
                   QJsonObject{{"counter", r.counter}, {"register", r.reg}});
        if (step.kind == ThreadStep::Kind::Lock)
            heldSince[{r.thread, step.lock}] = r.endMs;
        if (step.kind == ThreadStep::Kind::Unlock) {
            const auto taken = heldSince.find({r.thread, step.lock});
            if (taken != heldSince.end()) {
                trace.span(lane, "holds L" + std::to_string(step.lock + 1), "lock", taken->second,
                           r.startMs);
                heldSince.erase(taken);
            }
        }
        trace.counter("counter", r.endMs, r.counter);
    }
    // Locks still held (a deadlock): up to the last step.
    const double last = records.empty() ? 0 : records.back().endMs;
    for (const auto& [key, since] : heldSince)
        trace.span(lanes[std::size_t(key.first)],
                   "holds L" + std::to_string(key.second + 1) + " (never let go)", "lock", since,
                   last);
    return trace;
}

Trace demoTrace(const StepperOptions&, const StepperProgress& progress) {
    if (!progress.program)
        return Trace("Stampede: stepper");
    return stepperTrace(*progress.program,
                        progress.replayed ? progress.replayed->records : std::vector<StepRecord>{});
}

} // namespace stampede
