#include "app/cli/demo/RaceDemoCommand.h"

#include "app/cli/TerminationSignals.h"
#include "app/cli/demo/IntegerOptions.h"
#include "core/lab/race/RaceExperiment.h"
#include "core/lab/race/WalletRace.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>
#include <iostream>
#include <string>

namespace stampede {
namespace {

using namespace std::chrono_literals;

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

void printTable(const char* first, const std::vector<RaceOutcome>& outcomes, bool bySize) {
    std::printf("  %-10s %12s %12s %12s %7s %9s\n", first, "expected", "actual", "lost", "lost %",
                "ms");
    for (const RaceOutcome& o : outcomes)
        std::printf("  %-10s %12lld %12lld %12lld %7.1f %9.2f%s\n",
                    bySize ? std::to_string(o.increments).c_str()
                           : std::string(raceModeName(o.mode)).c_str(),
                    (long long)o.expected, (long long)o.actual, (long long)o.lost(), lostPercent(o),
                    o.milliseconds, o.stopped ? "  (stopped)" : "");
}

void printReport(const RaceSettings& s, const RaceReport& r) {
    if (!r.modes.empty()) {
        std::printf("Race: %d thread%s each add 1 to one counter %llu times\n", s.threads,
                    s.threads == 1 ? "" : "s", (unsigned long long)s.increments);
        printTable("mode", r.modes, false);
    }
    if (!r.sweep.empty()) {
        std::printf("Size sweep, unsynchronised, %d threads:\n", s.threads);
        printTable("per thread", r.sweep, true);
    }
    if (!r.wallet.empty()) {
        std::printf("Wallet: opening balance %lld, %d saver(s) deposit and %d spender(s) "
                    "withdraw %lld, %llu times each\n",
                    (long long)WalletRace::kOpeningBalance, s.threads - s.threads / 2,
                    s.threads / 2, (long long)WalletRace::kAmount,
                    (unsigned long long)s.increments);
        for (const RaceOutcome& o : r.wallet)
            std::printf("  %-15s expected %lld, actual %lld (%+lld), %.2f ms\n",
                        o.mode == RaceMode::Mutex ? "with mutex" : "unsynchronised",
                        (long long)o.expected, (long long)o.actual, (long long)o.difference(),
                        o.milliseconds);
    }
}

QJsonObject reportJson(const RaceSettings& s, const RaceReport& r) {
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

} // namespace

int runRaceDemo(const QStringList& arguments, const TerminationSignals& termination) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Race conditions: K threads, started together, each add 1 to one shared counter N "
        "times: unsynchronised (load, then store: updates get lost), with a std::mutex, with "
        "std::atomic fetch_add, or in per-thread sums added at the end."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("demo"), QStringLiteral("The command."));
    parser.addPositionalArgument(QStringLiteral("race"), QStringLiteral("The demo."));
    const QCommandLineOption threads({QStringLiteral("t"), QStringLiteral("threads")},
                                     QStringLiteral("Threads, 1 to 64 (default 2)."),
                                     QStringLiteral("K"));
    const QCommandLineOption increments(
        {QStringLiteral("n"), QStringLiteral("increments")},
        QStringLiteral("Additions per thread, up to 1e9 (default 1e6)."), QStringLiteral("N"));
    const QCommandLineOption mode(QStringLiteral("mode"),
                                  QStringLiteral("all (default), unsync, mutex, atomic or local."),
                                  QStringLiteral("mode"), QStringLiteral("all"));
    const QCommandLineOption sweep(
        QStringLiteral("sweep"),
        QStringLiteral("Also run the unsynchronised mode with N = 1, 10, … 1e6 per thread."));
    const QCommandLineOption wallet(
        QStringLiteral("wallet"),
        QStringLiteral("Also run the wallet: savers and spenders on one balance, unlocked and "
                       "with a mutex, N transactions each."));
    const QCommandLineOption asJson(QStringLiteral("json"),
                                    QStringLiteral("Print the figures as JSON."));
    parser.addOptions({threads, increments, mode, sweep, wallet, asJson});
    if (!parser.parse(arguments) || parser.positionalArguments().size() != 2) {
        std::cerr << "stampede demo race: "
                  << (parser.errorText().isEmpty() ? QStringLiteral("unexpected arguments")
                                                   : parser.errorText())
                         .toStdString()
                  << "\nTry 'stampede demo race --help'.\n";
        return 2;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        std::cout << parser.helpText().toStdString();
        return 0;
    }
    RaceSettings settings;
    const IntegerOptions options(parser, "race");
    const auto k = options.integer(threads, 1, RaceSettings::kMaxThreads, 2);
    const auto n = options.count(increments, 1, RaceSettings::kMaxIncrements, settings.increments);
    if (!k || !n)
        return 2;
    settings.threads = *k;
    settings.increments = *n;
    const std::string modeName = parser.value(mode).toStdString();
    if (modeName != "all") {
        const auto chosen = parseRaceMode(modeName);
        if (!chosen) {
            std::cerr << "stampede demo race: --mode needs all, unsync, mutex, atomic or local, "
                         "not '"
                      << modeName << "'\n";
            return 2;
        }
        settings.modes = {*chosen};
    }
    settings.sweep = parser.isSet(sweep);
    settings.wallet = parser.isSet(wallet);
    if (const auto problem = settings.problem()) {
        std::cerr << "stampede demo race: " << *problem << '\n';
        return 2;
    }

    RaceExperiment experiment(settings);
    bool stopped = false;
    while (!experiment.waitFor(100ms))
        if (termination.wait(0ms)) {
            experiment.requestStop();
            stopped = true;
        }
    const RaceReport report = experiment.report();
    if (parser.isSet(asJson))
        std::cout << QJsonDocument(reportJson(settings, report)).toJson().toStdString();
    else
        printReport(settings, report);
    return stopped ? 1 : 0;
}

} // namespace stampede
