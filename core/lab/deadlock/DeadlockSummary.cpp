#include "core/lab/deadlock/DeadlockSummary.h"

#include "core/text/Printf.h"

#include <QJsonArray>

namespace stampede {
namespace {

std::string joined(const std::vector<std::string>& names, const char* separator) {
    std::string text;
    for (const std::string& name : names)
        text += (text.empty() ? "" : separator) + name;
    return text;
}

} // namespace

std::string summaryText(const DeadlockOptions& options, const DeadlockProgress& p) {
    std::string text = printed("Deadlock: %d threads in a ring; thread i takes lock i, then "
                               "lock i+1.\n",
                               p.threads);
    if (!p.detection)
        return text + "Watchdog: stopped before it started.\n";
    const DeadlockDetection& d = *p.detection;
    if (d.detected)
        text += printed("Watchdog: no lock taken for %lld ms; wait-for cycle found %lld ms after "
                        "the start:\n  %s -> %s\n  (thread -> the lock it waits for -> its "
                        "holder)\n",
                        (long long)d.stalledFor.count(), (long long)d.detectedAfter.count(),
                        joined(d.names, " -> ").c_str(), d.names.front().c_str());
    else
        text += "Watchdog: stopped before it found a cycle.\n";
    text += printed("Every thread gave up and ended: %s\n", d.allThreadsEnded ? "yes" : "NO");
    if (p.fixes.empty())
        return text;
    text += printed("\nThe fixes, side by side (%d threads x %d rounds each):\n", p.threads,
                    options.fixRounds);
    text +=
        printed("  %-28s %-9s %9s %7s %10s\n", "fix", "finished", "time", "rounds", "back-offs");
    for (const FixResult& f : p.fixes)
        text += printed("  %-28s %-9s %6lld ms %7d %10d\n",
                        std::string(fixTitle(f.strategy)).c_str(), f.finished ? "yes" : "NO",
                        static_cast<long long>(f.elapsed.count()), f.rounds, f.backoffs);
    return text;
}

QJsonObject summaryJson(const DeadlockOptions&, const DeadlockProgress& p) {
    const DeadlockDetection d = p.detection.value_or(DeadlockDetection{});
    QJsonArray cycle;
    for (const std::string& name : d.names)
        cycle.append(QString::fromStdString(name));
    QJsonArray fixes;
    for (const FixResult& f : p.fixes)
        fixes.append(QJsonObject{{"name", QString::fromUtf8(fixName(f.strategy).data())},
                                 {"title", QString::fromUtf8(fixTitle(f.strategy).data())},
                                 {"finished", f.finished},
                                 {"time_ms", qint64(f.elapsed.count())},
                                 {"rounds", f.rounds},
                                 {"backoffs", f.backoffs}});
    return {{"threads", p.threads},
            {"detected", d.detected},
            {"cycle", cycle},
            {"detection_ms", qint64(d.detectedAfter.count())},
            {"stalled_ms", qint64(d.stalledFor.count())},
            {"all_threads_ended", d.allThreadsEnded},
            {"stopped", p.phase == DeadlockProgress::Phase::Stopped},
            {"fixes", fixes}};
}

bool succeeded(const DeadlockOptions&, const DeadlockProgress& p) {
    if (p.phase == DeadlockProgress::Phase::Stopped || !p.detection)
        return false;
    bool fixed = true;
    for (const FixResult& f : p.fixes)
        fixed = fixed && f.finished;
    return p.detection->detected && p.detection->allThreadsEnded && fixed;
}

} // namespace stampede
