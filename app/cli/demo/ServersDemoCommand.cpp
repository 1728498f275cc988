#include "app/cli/demo/ServersDemoCommand.h"

#include "app/cli/demo/DemoCommandLine.h"
#include "core/lab/servers/ServersSummary.h"
#include "core/lab/servers/ServersTrace.h"

namespace stampede {

int runServersDemo(const QStringList& arguments, const TerminationSignals& termination) {
    DemoCommandLine command(
        "servers",
        QStringLiteral("Sync vs async server: U users ask /delay/D of a private embedded target "
                       "in sync mode with W worker threads, then in async mode, for S seconds "
                       "each, on the real engine. Little's law says why the sync one stops at "
                       "W / D requests a second."));
    const ServersOptions defaults;
    const QCommandLineOption workers(
        QStringLiteral("workers"),
        QStringLiteral("The sync server's worker threads, 1 to 64 (default %1).")
            .arg(defaults.workers),
        QStringLiteral("W"));
    const QCommandLineOption users(
        QStringLiteral("users"),
        QStringLiteral("Virtual users, 1 to 256 (default %1).").arg(defaults.users),
        QStringLiteral("U"));
    const QCommandLineOption delay(
        QStringLiteral("delay-ms"),
        QStringLiteral("Each request's service time (default %1).").arg(defaults.delay.count()),
        QStringLiteral("D"));
    const QCommandLineOption seconds(
        QStringLiteral("seconds"),
        QStringLiteral("Length of each run, 1 to 120 (default %1).")
            .arg(std::chrono::duration_cast<std::chrono::seconds>(defaults.duration).count()),
        QStringLiteral("S"));
    command.addOptions({workers, users, delay, seconds});
    if (const auto done = command.parse(arguments))
        return *done;

    ServersOptions options;
    const IntegerOptions& numbers = command.numbers();
    const auto w = numbers.integer(workers, 1, ServersOptions::kMaxWorkers, options.workers);
    const auto u = numbers.integer(users, 1, ServersOptions::kMaxUsers, options.users);
    const auto d = numbers.integer(delay, 1, 10'000, int(options.delay.count()));
    const auto s = numbers.integer(
        seconds, 1, 120,
        int(std::chrono::duration_cast<std::chrono::seconds>(options.duration).count()));
    if (!w || !u || !d || !s)
        return 2;
    options.workers = *w;
    options.users = *u;
    options.delay = std::chrono::milliseconds(*d);
    options.duration = std::chrono::seconds(*s);
    if (const auto problem = options.problem())
        return command.badArguments(*problem);
    return command.run<ServersDemo>(options, termination);
}

} // namespace stampede
