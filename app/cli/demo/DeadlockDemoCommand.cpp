#include "app/cli/demo/DeadlockDemoCommand.h"

#include "app/cli/demo/DemoCommandLine.h"
#include "core/lab/deadlock/DeadlockSummary.h"
#include "core/lab/deadlock/DeadlockTrace.h"

namespace stampede {

int runDeadlockDemo(const QStringList& arguments, const TerminationSignals& termination) {
    DemoCommandLine command(
        "deadlock", QStringLiteral("Deadlock: threads in a ring take two locks in opposite "
                                   "order and stall; a watchdog finds the wait-for cycle and "
                                   "ends them; then three fixes run the same ring."));
    const QCommandLineOption threads(QStringLiteral("threads"),
                                     QStringLiteral("Threads (and locks) in the ring, 2 to 8."),
                                     QStringLiteral("n"), QStringLiteral("2"));
    const QCommandLineOption stall(QStringLiteral("stall-ms"),
                                   QStringLiteral("No lock taken for this long counts as a "
                                                  "stall (default 300)."),
                                   QStringLiteral("ms"));
    command.addOptions({threads, stall});
    if (const auto done = command.parse(arguments))
        return *done;

    DeadlockOptions options;
    const auto n = command.numbers().integer(threads, DeadlockOptions::kMinThreads,
                                             DeadlockOptions::kMaxThreads, options.threads);
    const auto stallMs =
        command.numbers().integer(stall, 50, 10'000, int(options.stallTimeout.count()));
    if (!n || !stallMs)
        return 2;
    options.threads = *n;
    options.stallTimeout = std::chrono::milliseconds(*stallMs);
    return command.run<DeadlockDemo>(options, termination);
}

} // namespace stampede
