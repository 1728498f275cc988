#include "core/lab/semaphore/SemaphoreTrace.h"

namespace stampede {

Trace demoTrace(const SemaphoreOptions& options, const SemaphoreProgress& progress) {
    Trace trace("Stampede: semaphore, at most " + std::to_string(options.limit) + " at once");
    for (const JobTiming& job : progress.jobs) {
        const int lane = trace.lane("job-" + std::to_string(job.job + 1));
        if (job.queuedMs < 0)
            continue;
        // A job stopped while it waited never started: its wait ends when the demo did.
        const double waitEnd = job.startedMs >= 0 ? job.startedMs : progress.elapsedMs;
        trace.span(lane, "waiting for a slot", "wait", job.queuedMs, waitEnd);
        if (job.startedMs >= 0)
            trace.span(lane, "running (holds a slot)", "work", job.startedMs,
                       job.finished() ? job.finishedMs : progress.elapsedMs,
                       QJsonObject{{"planned_ms", job.plannedMs}});
    }
    trace.counter("running", 0, 0);
    for (const ActiveSample& sample : progress.active)
        trace.counter("running", sample.ms, sample.active);
    return trace;
}

} // namespace stampede
