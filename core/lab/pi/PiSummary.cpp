#include "core/lab/pi/PiSummary.h"

#include "core/text/Printf.h"

#include <QJsonArray>

#include <algorithm>
#include <numbers>

namespace stampede {

std::string summaryText(const PiOptions& s, const PiProgress& p) {
    std::string text =
        printed("Monte Carlo π: %d thread%s, seed %llu, chunk %llu%s%s\n", s.threads,
                s.threads == 1 ? "" : "s", (unsigned long long)s.seed, (unsigned long long)s.chunk,
                s.gil ? ", one global lock (GIL) held per chunk" : "",
                p.stopped ? "  (stopped early)" : "");
    text += printed("  estimate        %.9f\n", p.tally.estimate());
    text += printed("  error vs π      %+.2e\n", p.tally.estimate() - std::numbers::pi);
    text += printed("  standard error  %.2e%s\n", p.tally.standardError(),
                    !s.targetError    ? ""
                    : p.targetReached ? "  (below the target)"
                                      : "  (target NOT reached within the samples)");
    text += printed("  samples         %llu\n", (unsigned long long)p.tally.samples);
    text += printed("  seconds         %.3f\n", p.seconds);
    text += printed("  samples/s       %.1f M total;", p.samplesPerSecond() / 1e6);
    for (std::size_t i = 0; i < p.lanes.size(); ++i)
        text += printed(" pi-%zu %.1f M", i + 1, p.lanes[i].samplesPerSecond() / 1e6);
    text += "\n";
    if (s.gil) {
        text += "  waiting for the lock";
        for (std::size_t i = 0; i < p.lanes.size(); ++i)
            text += printed(
                " pi-%zu %.0f %%", i + 1,
                p.lanes[i].seconds > 0 ? 100 * p.lanes[i].waitSeconds / p.lanes[i].seconds : 0.0);
        text += " of its time\n";
    }
    return text;
}

QJsonObject summaryJson(const PiOptions& s, const PiProgress& p) {
    QJsonArray lanes;
    for (std::size_t i = 0; i < p.lanes.size(); ++i)
        lanes.append(QJsonObject{{"thread", int(i + 1)},
                                 {"samples", qint64(p.lanes[i].tally.samples)},
                                 {"hits", qint64(p.lanes[i].tally.hits)},
                                 {"samples_per_second", p.lanes[i].samplesPerSecond()},
                                 {"seconds", p.lanes[i].seconds},
                                 {"waiting_for_lock_seconds", p.lanes[i].waitSeconds}});
    return {{"threads", s.threads},
            {"chunk", qint64(s.chunk)},
            {"seed", qint64(s.seed)},
            {"gil", s.gil},
            {"target_error", s.targetError ? QJsonValue(*s.targetError) : QJsonValue()},
            {"estimate", p.tally.estimate()},
            {"error", p.tally.estimate() - std::numbers::pi},
            {"standard_error", p.tally.standardError()},
            {"samples", qint64(p.tally.samples)},
            {"hits", qint64(p.tally.hits)},
            {"seconds", p.seconds},
            {"samples_per_second", p.samplesPerSecond()},
            {"per_thread", lanes},
            {"target_reached", p.targetReached},
            {"stopped", p.stopped}};
}

bool succeeded(const PiOptions&, const PiProgress& run) {
    return !run.stopped;
}

std::string summaryText(const PiSweepOptions& o, const PiSweepProgress& p) {
    std::string text = printed("Speed-up sweep: %llu samples on 1 to %d threads, %d cores%s\n",
                               (unsigned long long)o.run.samples, o.maxThreads, p.cores,
                               o.run.gil ? ", without and then with one global lock (GIL)" : "");
    text += printed("  threads   %sseconds   speed-up   ideal   samples/s\n",
                    o.run.gil ? "lock  " : "");
    for (const PiSweepRow& row : p.rows)
        text += printed("  %7d   %s%7.3f   %7.2fx   %5d   %7.1f M\n", row.threads,
                        !o.run.gil ? ""
                        : row.gil  ? "with  "
                                   : "none  ",
                        row.seconds, row.speedup, std::min(row.threads, p.cores),
                        row.samplesPerSecond / 1e6);
    for (const bool gil : {false, true}) {
        if (gil && !o.run.gil)
            break;
        const auto& fit = gil ? p.gilFit : p.fit;
        const char* series = !o.run.gil ? "" : gil ? " with the lock" : " without the lock";
        if (fit)
            text += printed("  Amdahl serial fraction%s: %.1f %% (least squares, up to %d "
                            "threads)\n",
                            series, fit->serialFraction() * 100, p.cores);
        else
            text += printed("  Amdahl serial fraction%s: needs runs on 2 threads or more and 2 "
                            "cores\n",
                            series);
    }
    return text;
}

QJsonObject summaryJson(const PiSweepOptions& o, const PiSweepProgress& p) {
    QJsonArray table;
    for (const PiSweepRow& row : p.rows)
        table.append(QJsonObject{{"threads", row.threads},
                                 {"gil", row.gil},
                                 {"seconds", row.seconds},
                                 {"speedup", row.speedup},
                                 {"samples_per_second", row.samplesPerSecond},
                                 {"estimate", row.estimate}});
    return {
        {"samples", qint64(o.run.samples)},
        {"seed", qint64(o.run.seed)},
        {"cores", p.cores},
        {"sweep", table},
        {"gil", o.run.gil},
        {"serial_fraction", p.fit ? QJsonValue(p.fit->serialFraction()) : QJsonValue()},
        {"gil_serial_fraction", p.gilFit ? QJsonValue(p.gilFit->serialFraction()) : QJsonValue()}};
}

bool succeeded(const PiSweepOptions& o, const PiSweepProgress& p) {
    return int(p.rows.size()) == o.runs();
}

} // namespace stampede
