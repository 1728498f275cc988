#include "core/lab/frozen/FrozenSummary.h"

#include "core/text/Printf.h"

namespace stampede {
namespace {

QJsonObject runJson(const FrozenRun& run) {
    return {{"done", run.done},
            {"answered", run.answered},
            {"failed", run.failed},
            {"seconds", run.seconds},
            {"max_lag_ms", run.maxLagMs},
            {"ticks", qint64(run.ticks)},
            {"frozen_ticks", qint64(run.frozenTicks)}};
}

} // namespace

std::string frozenRunText(const FrozenRun& run, bool onTheLoop) {
    if (!run.done)
        return "not run";
    std::string text = printed("%d answered in %.2f s; the loop's 10 ms timer came at worst "
                               "%.0f ms late",
                               run.answered, run.seconds, run.maxLagMs);
    text += run.frozenTicks > 0 ? printed(" (%zu tick%s over 100 ms late: frozen)", run.frozenTicks,
                                          run.frozenTicks == 1 ? "" : "s")
            : onTheLoop         ? ""
                                : " (never frozen)";
    if (run.failed > 0)
        text += printed("; %d failed (%s)", run.failed, run.firstError.c_str());
    return text;
}

std::string summaryText(const FrozenOptions& o, const FrozenProgress& p) {
    std::string text =
        printed("The frozen window: %d requests to /delay/%lld, one at a time%s\n", o.requests,
                (long long)o.delay.count(),
                p.phase == FrozenProgress::Phase::Stopped ? "  (stopped early)" : "");
    text += "  on the loop's own thread (blocking): " + frozenRunText(p.onTheLoop, true) + "\n";
    text += "  on the engine's thread:              " + frozenRunText(p.onTheEngine, false) + "\n";
    return text;
}

QJsonObject summaryJson(const FrozenOptions& o, const FrozenProgress& p) {
    return {{"requests", o.requests},
            {"delay_ms", qint64(o.delay.count())},
            {"tick_ms", qint64(FrozenDemo::kTick.count())},
            {"on_the_loop", runJson(p.onTheLoop)},
            {"on_the_engine", runJson(p.onTheEngine)},
            {"stopped", p.phase == FrozenProgress::Phase::Stopped}};
}

bool succeeded(const FrozenOptions&, const FrozenProgress& p) {
    return p.phase == FrozenProgress::Phase::Done;
}

} // namespace stampede
