#include "core/lab/servers/ServersSummary.h"

#include "core/text/Printf.h"

namespace stampede {
namespace {

double ms(std::uint64_t micros) {
    return double(micros) / 1000.0;
}

const RunSnapshot* figures(const ServerRun& run) {
    if (run.report)
        return &run.report->final;
    return run.latest ? &*run.latest : nullptr;
}

QJsonObject runJson(const ServersOptions& o, const ServerRun& run) {
    const bool sync = run.mode == ServerMode::Sync;
    QJsonObject json{{"mode", sync ? "sync" : "async"},
                     {"predicted_rps", o.predictedRps(sync)},
                     {"predicted_latency_ms", o.predictedLatencyMs(sync)},
                     {"finished", run.finished}};
    if (sync)
        json["workers"] = o.workers;
    if (const RunSnapshot* f = figures(run)) {
        json["requests"] = qint64(f->requests);
        json["errors"] = qint64(f->errors);
        json["rps"] = f->rps();
        json["p50_ms"] = ms(f->latency.quantile(0.50));
        json["p90_ms"] = ms(f->latency.quantile(0.90));
        json["p99_ms"] = ms(f->latency.quantile(0.99));
        json["mean_ms"] = f->latency.mean() / 1000.0;
    }
    return json;
}

std::string runLine(const ServersOptions& o, const ServerRun& run) {
    const bool sync = run.mode == ServerMode::Sync;
    const std::string name = sync ? printed("sync, %d workers", o.workers) : "async";
    const RunSnapshot* f = figures(run);
    if (!f)
        return printed("  %-16s not run\n", name.c_str());
    return printed("  %-16s %7.1f req/s (Little: %7.1f)   p50 %7.1f ms  p90 %7.1f ms  p99 %7.1f "
                   "ms (Little: %.0f)  %llu requests, %llu errors\n",
                   name.c_str(), f->rps(), o.predictedRps(sync), ms(f->latency.quantile(0.5)),
                   ms(f->latency.quantile(0.9)), ms(f->latency.quantile(0.99)),
                   o.predictedLatencyMs(sync), (unsigned long long)f->requests,
                   (unsigned long long)f->errors);
}

} // namespace

std::string littlesLawText(const ServersOptions& o, const ServersProgress& p) {
    const double d = std::chrono::duration<double>(o.delay).count();
    std::string text = printed(
        "Little's law: users in the system = throughput × time each spends there (L = λW). "
        "%d users keep asking; each request takes %lld ms to serve. The sync server serves %d "
        "at a time, so at most %d / %.3f s = %.0f requests/s, and the other %d users queue: "
        "each waits about %d / %.0f = %.0f ms. The async server serves all %d at once: "
        "%d / %.3f s = %.0f requests/s at %lld ms.",
        o.users, (long long)o.delay.count(), o.workers, o.workers, d, o.predictedRps(true),
        std::max(0, o.users - o.workers), o.users, o.predictedRps(true), o.predictedLatencyMs(true),
        o.users, o.users, d, o.predictedRps(false), (long long)o.delay.count());
    const RunSnapshot* s = figures(p.sync);
    const RunSnapshot* a = figures(p.async);
    if (s && a && s->rps() > 0)
        text += printed(" Measured: %.0f against %.0f requests/s, %.1f× as many.", s->rps(),
                        a->rps(), a->rps() / s->rps());
    return text;
}

std::string summaryText(const ServersOptions& o, const ServersProgress& p) {
    std::string text = printed(
        "Sync vs async server: %d users on /delay/%lld for %.1f s against each%s\n", o.users,
        (long long)o.delay.count(), std::chrono::duration<double>(o.duration).count(),
        p.phase == ServersProgress::Phase::Stopped ? "  (stopped early)" : "");
    text += runLine(o, p.sync);
    text += runLine(o, p.async);
    return text + "  " + littlesLawText(o, p) + "\n";
}

QJsonObject summaryJson(const ServersOptions& o, const ServersProgress& p) {
    return {{"users", o.users},
            {"workers", o.workers},
            {"delay_ms", qint64(o.delay.count())},
            {"seconds_each", std::chrono::duration<double>(o.duration).count()},
            {"sync", runJson(o, p.sync)},
            {"async", runJson(o, p.async)},
            {"stopped", p.phase == ServersProgress::Phase::Stopped}};
}

bool succeeded(const ServersOptions&, const ServersProgress& p) {
    return p.phase == ServersProgress::Phase::Done;
}

} // namespace stampede
