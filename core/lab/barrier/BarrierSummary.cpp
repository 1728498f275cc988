#include "core/lab/barrier/BarrierSummary.h"

#include "core/text/Printf.h"

#include <QJsonArray>

#include <cmath>

namespace stampede {
namespace {

double rounded(double ms) {
    return std::round(ms * 10) / 10;
}

} // namespace

std::string summaryText(const BarrierOptions& o, const BarrierProgress& p) {
    std::string text =
        printed("Barrier: %d threads, %d phases of about %lld ms of uneven work each.\n", o.threads,
                o.phases, static_cast<long long>(o.workTime.count()));
    for (int phase = 0; phase < p.phasesReleased() && phase < p.phases; ++phase)
        text += printed("  phase %-3d released at %8.1f ms, slowest barrier-%d, the others "
                        "waited %8.1f ms\n",
                        phase + 1, p.releasedMs[std::size_t(phase)], p.slowestThread(phase) + 1,
                        p.waitedMs(phase));
    text += printed("  total time          %8.1f ms\n", p.elapsedMs);
    text += printed("  waited in all       %8.1f ms\n", p.totalWaitedMs());
    text += printed("  released too early  %8d\n", p.earlyReleases());
    return text;
}

QJsonObject summaryJson(const BarrierOptions& o, const BarrierProgress& p) {
    QJsonArray phases;
    for (int phase = 0; phase < p.phasesReleased() && phase < p.phases; ++phase)
        phases.append(QJsonObject{{"phase", phase + 1},
                                  {"released_ms", rounded(p.releasedMs[std::size_t(phase)])},
                                  {"last_arrival_ms", rounded(p.latestArrivalMs(phase))},
                                  {"slowest_thread", p.slowestThread(phase) + 1},
                                  {"waited_ms", rounded(p.waitedMs(phase))}});
    QJsonArray threads;
    for (std::size_t t = 0; t < p.timings.size(); ++t) {
        QJsonArray row;
        for (const PhaseTiming& timing : p.timings[t])
            row.append(QJsonObject{{"planned_ms", timing.plannedMs},
                                   {"work_from_ms", rounded(timing.workFromMs)},
                                   {"arrived_ms", rounded(timing.arrivedMs)},
                                   {"continued_ms", rounded(timing.continuedMs)}});
        threads.append(QJsonObject{{"thread", int(t + 1)}, {"phases", row}});
    }
    return {{"threads", o.threads},
            {"phases", o.phases},
            {"work_ms", qint64(o.workTime.count())},
            {"total_ms", rounded(p.elapsedMs)},
            {"phases_released", std::min(p.phasesReleased(), p.phases)},
            {"waited_ms", rounded(p.totalWaitedMs())},
            {"early_releases", p.earlyReleases()},
            {"stopped", p.stopped},
            {"per_phase", phases},
            {"timeline", threads}};
}

bool succeeded(const BarrierOptions&, const BarrierProgress& p) {
    return !p.stopped && p.earlyReleases() == 0;
}

} // namespace stampede
