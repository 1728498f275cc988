#include "core/lab/race/RaceSummary.h"

#include "core/lab/race/WalletRace.h"
#include "core/text/Printf.h"

#include <QJsonArray>

namespace stampede {
namespace {

QJsonArray outcomesJson(const std::vector<RaceOutcome>& outcomes) {
    QJsonArray rows;
    for (const RaceOutcome& o : outcomes)
        rows.append(QJsonObject{{"mode", QString::fromUtf8(raceModeName(o.mode).data())},
                                {"threads", o.threads},
                                {"increments", qint64(o.increments)},
                                {"expected", qint64(o.expected)},
                                {"actual", qint64(o.actual)},
                                {"lost", qint64(o.lost())},
                                {"ms", o.milliseconds},
                                {"stopped", o.stopped}});
    return rows;
}

double lostPercent(const RaceOutcome& o) {
    return o.expected ? 100.0 * double(o.lost()) / double(o.expected) : 0.0;
}

std::string table(const char* first, const std::vector<RaceOutcome>& outcomes, bool bySize) {
    std::string text = printed("  %-10s %12s %12s %12s %7s %9s\n", first, "expected", "actual",
                               "lost", "lost %", "ms");
    for (const RaceOutcome& o : outcomes)
        text += printed("  %-10s %12lld %12lld %12lld %7.1f %9.2f%s\n",
                        bySize ? std::to_string(o.increments).c_str()
                               : std::string(raceModeName(o.mode)).c_str(),
                        (long long)o.expected, (long long)o.actual, (long long)o.lost(),
                        lostPercent(o), o.milliseconds, o.stopped ? "  (stopped)" : "");
    return text;
}

} // namespace

std::string summaryText(const RaceOptions& s, const RaceReport& r) {
    std::string text;
    if (!r.modes.empty()) {
        text += printed("Race: %d thread%s each add 1 to one counter %llu times\n", s.threads,
                        s.threads == 1 ? "" : "s", (unsigned long long)s.increments);
        text += table("mode", r.modes, false);
    }
    if (!r.sweep.empty()) {
        text += printed("Size sweep, unsynchronised, %d threads:\n", s.threads);
        text += table("per thread", r.sweep, true);
    }
    if (!r.wallet.empty()) {
        text += printed("Wallet: opening balance %lld, %d saver(s) deposit and %d spender(s) "
                        "withdraw %lld, %llu times each\n",
                        (long long)WalletRace::kOpeningBalance, s.threads - s.threads / 2,
                        s.threads / 2, (long long)WalletRace::kAmount,
                        (unsigned long long)s.increments);
        for (const RaceOutcome& o : r.wallet)
            text += printed("  %-15s expected %lld, actual %lld (%+lld), %.2f ms\n",
                            o.mode == RaceMode::Mutex ? "with mutex" : "unsynchronised",
                            (long long)o.expected, (long long)o.actual, (long long)o.difference(),
                            o.milliseconds);
    }
    return text;
}

QJsonObject summaryJson(const RaceOptions& s, const RaceReport& r) {
    QJsonArray wallet;
    for (const RaceOutcome& o : r.wallet)
        wallet.append(QJsonObject{{"locked", o.mode == RaceMode::Mutex},
                                  {"expected", qint64(o.expected)},
                                  {"actual", qint64(o.actual)},
                                  {"difference", qint64(o.difference())},
                                  {"ms", o.milliseconds},
                                  {"stopped", o.stopped}});
    QJsonObject json{{"threads", s.threads},
                     {"increments", qint64(s.increments)},
                     {"modes", outcomesJson(r.modes)}};
    if (s.sweep)
        json["sweep"] = outcomesJson(r.sweep);
    if (s.wallet)
        json["wallet"] = wallet;
    return json;
}

bool succeeded(const RaceOptions&, const RaceReport& report) {
    // Lost updates are the lesson, not a failure: only a run cut short did not succeed.
    return !report.stopped();
}

} // namespace stampede
