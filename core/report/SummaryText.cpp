#include "core/report/SummaryText.h"

#include "core/plan/PlanShare.h"
#include "core/stats/LatencyPercentiles.h"
#include "core/text/Printf.h"

namespace stampede {
namespace {

std::string bytesText(double bytes) {
    const char* units[] = {"B", "KiB", "MiB", "GiB", "TiB"};
    int unit = 0;
    while (bytes >= 1024 && unit < 4) {
        bytes /= 1024;
        ++unit;
    }
    return printed(unit == 0 ? "%.0f %s" : "%.2f %s", bytes, units[unit]);
}

std::string latencyRow(const char* label, const LatencyHistogram& h) {
    const auto p = LatencyPercentiles::from(h);
    return printed("  %-12s %9.2f %9.2f %9.2f %9.2f %9.2f %9.2f %9.2f %9.2f\n", label, p.p50, p.p75,
                   p.p90, p.p95, p.p99, p.p999, p.max, p.mean);
}

} // namespace

std::string summaryText(const RunReport& report) {
    const RunSnapshot& f = report.final;
    const bool open = f.model == LoadShape::Model::Open;
    std::string out;
    const auto& steps = report.plan.steps;
    if (steps.size() == 1)
        out += printed("Stampede %s %s\n", std::string(methodName(steps.front().method)).c_str(),
                       report.url.c_str());
    else
        out += printed("Stampede flow of %zu steps against %s\n", steps.size(), report.url.c_str());
    if (!report.engine.empty())
        out += printed(
            "  %s transport (%s)%s%s\n", report.engine.c_str(), report.engineWhy.c_str(),
            report.threads > 1 ? printed(", on %d engine threads", report.threads).c_str() : "",
            report.httpVersion.empty() ? ", no response"
                                       : (", answered over HTTP/" + report.httpVersion).c_str());
    if (report.shardCount > 0 && report.shards.size() == 1) {
        // The plan is the whole run's; say what this part of it carried.
        const Plan part = planShare(report.plan, {report.shards.front() - 1, report.shardCount});
        out += printed(
            "  shard %d of %d: this machine's part of the run, %s (stampede merge "
            "adds the parts up)\n",
            report.shards.front(), report.shardCount,
            open ? printed("%.4g of %.4g req/s", part.load.rate, report.plan.load.rate).c_str()
                 : printed("%d of %d users", part.load.users, report.plan.load.users).c_str());
    } else if (report.shardCount > 0)
        out += printed("  %zu of %d shards merged, on %s\n", report.shards.size(),
                       report.shardCount, report.host.c_str());
    if (open)
        out += printed(steps.size() == 1 ? "  open model: %.0f req/s target, at most %d in flight\n"
                                         : "  open model: %.0f flow starts/s target, at most %d "
                                           "flows in flight\n",
                       report.plan.load.rate, report.plan.load.maxInFlight);
    else
        out += printed(
            "  closed model: %d users%s\n", report.plan.load.users,
            report.plan.load.thinkTime.count() > 0
                ? printed(", %lld ms think time", (long long)report.plan.load.thinkTime.count())
                      .c_str()
                : "");
    out += printed("  %s after %.2f s\n\n", phaseName(f.phase), f.seconds());

    out += printed("  Requests     %llu (%.1f req/s), %llu with a response, %llu errors (%.2f%%)\n",
                   (unsigned long long)f.requests, f.rps(), (unsigned long long)f.completed,
                   (unsigned long long)f.errors, f.errorPercent());
    out += printed("  Transfer     %s (%s/s)\n", bytesText(double(f.bytes)).c_str(),
                   bytesText(f.seconds() > 0 ? double(f.bytes) / f.seconds() : 0).c_str());
    if (open)
        out +=
            printed(steps.size() == 1 ? "  Backlog      max %llu requests waiting for a free slot\n"
                                      : "  Backlog      max %llu flows waiting for a free slot\n",
                    (unsigned long long)f.backlogMax);

    out += "\n  Latency (ms)       p50       p75       p90       p95       p99     p99.9       max "
           "     mean\n";
    out += latencyRow(open ? "corrected" : "", f.latency);
    if (open)
        out += latencyRow("uncorrected", f.latencyUncorrected);
    if (open)
        out +=
            "  (corrected: from when each request was due; uncorrected: from when it was sent)\n";

    // A flow: one row per step, as k6 prints its groups, and the iterations as a whole.
    if (f.steps.size() > 1) {
        out += printed("\n  Iterations   %llu whole, %llu failed (%.1f /s), duration p50 %.2f ms, "
                       "p99 %.2f ms\n",
                       (unsigned long long)f.iterations.completed,
                       (unsigned long long)f.iterations.failed, f.iterationsPerSecond(),
                       double(f.iterations.duration.quantile(0.5)) / 1000.0,
                       double(f.iterations.duration.quantile(0.99)) / 1000.0);
        if (!f.iterations.firstFailure.empty())
            out += printed("               first failure: %s\n", f.iterations.firstFailure.c_str());
        out += "\n  Step                            requests   errors  skipped     req/s    p50 ms"
               "    p99 ms\n";
        for (std::size_t i = 0; i < f.steps.size(); ++i) {
            const StepFigures& step = f.steps[i];
            std::string name = i < report.plan.steps.size() ? report.plan.steps[i].name : "";
            if (name.empty())
                name = printed("step %zu", i + 1);
            if (name.size() > 30)
                name = name.substr(0, 29) + "…";
            out += printed("  %-30s %9llu %8llu %8llu %9.1f %9.2f %9.2f\n", name.c_str(),
                           (unsigned long long)step.requests, (unsigned long long)step.errors,
                           (unsigned long long)step.skipped,
                           f.seconds() > 0 ? double(step.requests) / f.seconds() : 0.0,
                           double(step.latency.quantile(0.5)) / 1000.0,
                           double(step.latency.quantile(0.99)) / 1000.0);
        }
    }

    if (!f.statusCounts.empty()) {
        out += "\n  Status codes\n";
        for (const auto& [code, n] : f.statusCounts)
            out += printed("  %6d  %llu\n", code, (unsigned long long)n);
    }
    bool anyErrors = false;
    for (std::size_t i = 0; i < kErrorClassCount; ++i) {
        const ErrorSummary& e = f.errorsByClass[i];
        if (e.count == 0)
            continue;
        if (!anyErrors)
            out += "\n  Errors\n";
        anyErrors = true;
        out +=
            printed("  %-20s %llu  first: %s\n", std::string(errorClassName(ErrorClass(i))).c_str(),
                    (unsigned long long)e.count, e.firstMessage.c_str());
    }
    out += printed("\n  CPU          %.2f s user, %.2f s system", report.cpuUserSeconds,
                   report.cpuSystemSeconds);
    if (f.requests > 0)
        out +=
            printed(" (%.1f µs per request)",
                    1e6 * (report.cpuUserSeconds + report.cpuSystemSeconds) / double(f.requests));
    if (report.plan.url.empty())
        out += "\n               (the process's CPU: client and the embedded target together)";
    out += "\n";
    return out;
}

std::string progressLine(const RunSnapshot& s, double intervalRps) {
    std::string when = printed("%6.1fs", s.seconds());
    if (s.plannedDuration)
        when += printed(" / %.0fs", std::chrono::duration<double>(*s.plannedDuration).count());
    if (s.requestLimit)
        when += printed("  %llu / %llu req", (unsigned long long)s.requests,
                        (unsigned long long)*s.requestLimit);
    else
        when += printed("  %llu req", (unsigned long long)s.requests);
    const auto p = LatencyPercentiles::from(s.latency);
    std::string line =
        printed("%s  %8.0f req/s  %llu errors  p99 %.2f ms  in flight %llu", when.c_str(),
                intervalRps, (unsigned long long)s.errors, p.p99, (unsigned long long)s.inFlight);
    if (s.model == LoadShape::Model::Open)
        line += printed("  backlog %llu", (unsigned long long)s.backlog);
    return line;
}

} // namespace stampede
