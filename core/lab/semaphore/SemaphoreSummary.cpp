#include "core/lab/semaphore/SemaphoreSummary.h"

#include "core/text/Printf.h"

#include <QJsonArray>

#include <cmath>

namespace stampede {
namespace {

double rounded(double ms) {
    return std::round(ms * 10) / 10;
}

} // namespace

std::string summaryText(const SemaphoreOptions& o, const SemaphoreProgress& p) {
    std::string text = printed("Semaphore: %d jobs of about %lld ms, at most %d at a time.\n",
                               o.jobs, static_cast<long long>(o.jobTime.count()), o.limit);
    text += printed("  total time     %8.1f ms\n", p.totalMs());
    text += printed("  max active     %8d    (limit %d)\n", p.maxActive, p.limit);
    text += printed("  mean wait      %8.1f ms\n", p.meanWaitMs());
    text += printed("  mean run       %8.1f ms\n", p.meanRunMs());
    text += printed("  jobs finished  %8d of %d\n", p.finishedJobs(), o.jobs);
    return text;
}

QJsonObject summaryJson(const SemaphoreOptions& o, const SemaphoreProgress& p) {
    QJsonArray jobs;
    for (const JobTiming& j : p.jobs)
        jobs.append(QJsonObject{{"job", j.job + 1},
                                {"planned_ms", j.plannedMs},
                                {"queued_ms", rounded(j.queuedMs)},
                                {"started_ms", rounded(j.startedMs)},
                                {"finished_ms", rounded(j.finishedMs)}});
    return {{"jobs", o.jobs},
            {"limit", o.limit},
            {"job_ms", qint64(o.jobTime.count())},
            {"total_ms", rounded(p.totalMs())},
            {"max_active", p.maxActive},
            {"mean_wait_ms", rounded(p.meanWaitMs())},
            {"mean_run_ms", rounded(p.meanRunMs())},
            {"finished_jobs", p.finishedJobs()},
            {"stopped", p.stopped},
            {"timeline", jobs}};
}

bool succeeded(const SemaphoreOptions&, const SemaphoreProgress& p) {
    return !p.stopped;
}

} // namespace stampede
