#include "app/cli/demo/FrozenDemoCommand.h"

#include "app/cli/demo/DemoCommandLine.h"
#include "core/lab/frozen/FrozenSummary.h"
#include "core/lab/frozen/FrozenTrace.h"
#include "core/server/TargetServer.h"

namespace stampede {

int runFrozenDemo(const QStringList& arguments, const TerminationSignals& termination) {
    DemoCommandLine command(
        "frozen",
        QStringLiteral("The frozen window: an event loop runs a 10 ms timer and measures how "
                       "late each tick comes. N requests to the embedded target's /delay/D go "
                       "first on the loop's own thread, blocking, then on the engine's thread. "
                       "N x D is at most 5 s."));
    const FrozenOptions defaults;
    const QCommandLineOption requests(
        {QStringLiteral("n"), QStringLiteral("requests")},
        QStringLiteral("Requests, one at a time (default %1).").arg(defaults.requests),
        QStringLiteral("N"));
    const QCommandLineOption delay(
        QStringLiteral("delay-ms"),
        QStringLiteral("The server's delay per request (default %1).").arg(defaults.delay.count()),
        QStringLiteral("D"));
    command.addOptions({requests, delay});
    if (const auto done = command.parse(arguments))
        return *done;
    FrozenOptions options;
    const IntegerOptions& numbers = command.numbers();
    const auto n = numbers.integer(requests, 1, 100, options.requests);
    const auto d = numbers.integer(delay, 0, 5000, int(options.delay.count()));
    if (!n || !d)
        return 2;
    options.requests = *n;
    options.delay = std::chrono::milliseconds(*d);
    std::optional<TargetServer> target;
    try {
        target.emplace();
    } catch (const std::exception& e) {
        return command.couldNotRun(std::string("cannot start the embedded target: ") + e.what());
    }
    options.targetUrl = target->url();
    if (const auto problem = options.problem())
        return command.badArguments(*problem);
    return command.run<FrozenDemo>(options, termination);
}

} // namespace stampede
