#include "app/cli/demo/RaceDemoCommand.h"

#include "app/cli/demo/DemoCommandLine.h"
#include "core/lab/race/RaceSummary.h"
#include "core/lab/race/RaceTrace.h"

namespace stampede {

int runRaceDemo(const QStringList& arguments, const TerminationSignals& termination) {
    DemoCommandLine command(
        "race", QStringLiteral("Race conditions: K threads, started together, each add 1 to one "
                               "shared counter N times: unsynchronised (load, then store: "
                               "updates get lost), with a std::mutex, with std::atomic "
                               "fetch_add, or in per-thread sums added at the end."));
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
    command.addOptions({threads, increments, mode, sweep, wallet});
    if (const auto done = command.parse(arguments))
        return *done;

    RaceOptions options;
    const auto k = command.numbers().integer(threads, 1, RaceOptions::kMaxThreads, 2);
    const auto n =
        command.numbers().count(increments, 1, RaceOptions::kMaxIncrements, options.increments);
    if (!k || !n)
        return 2;
    options.threads = *k;
    options.increments = *n;
    if (const std::string name = command.parser().value(mode).toStdString(); name != "all") {
        const auto chosen = parseRaceMode(name);
        if (!chosen)
            return command.badArguments("--mode needs all, unsync, mutex, atomic or local, not '" +
                                        name + "'");
        options.modes = {*chosen};
    }
    options.sweep = command.parser().isSet(sweep);
    options.wallet = command.parser().isSet(wallet);
    if (const auto problem = options.problem())
        return command.badArguments(*problem);
    return command.run<RaceExperiment>(options, termination);
}

} // namespace stampede
