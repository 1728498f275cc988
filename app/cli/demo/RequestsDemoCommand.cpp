#include "app/cli/demo/RequestsDemoCommand.h"

#include "app/cli/demo/DemoCommandLine.h"
#include "core/lab/requests/RequestsSummary.h"
#include "core/lab/requests/RequestsTrace.h"
#include "core/server/TargetServer.h"

#include <optional>

namespace stampede {

int runRequestsDemo(const QStringList& arguments, const TerminationSignals& termination) {
    DemoCommandLine command(
        "requests", QStringLiteral("Sequential vs concurrent requests: N requests to the "
                                   "embedded target's /delay/D, one at a time and then all at "
                                   "once, sent by the real load engine."));
    const QCommandLineOption count(QStringList{QStringLiteral("n"), QStringLiteral("requests")},
                                   QStringLiteral("Requests, 1 to 200 (default 20)."),
                                   QStringLiteral("n"));
    const QCommandLineOption delay(QStringLiteral("delay-ms"),
                                   QStringLiteral("How long the server takes to answer each, "
                                                  "0 to 10000 (default 200)."),
                                   QStringLiteral("ms"));
    command.addOptions({count, delay});
    if (const auto done = command.parse(arguments))
        return *done;

    RequestsOptions options;
    if (command.parser().isSet(count) &&
        command.parser().value(count).toLongLong() > RequestsOptions::kMaxRequests)
        return command.badArguments(
            "at most " + std::to_string(RequestsOptions::kMaxRequests) +
            " requests: the engine's timeline keeps 256 requests per 100 ms, and the chart "
            "needs every one of them.");
    const auto n =
        command.numbers().integer(count, 1, RequestsOptions::kMaxRequests, options.requests);
    const auto d = command.numbers().integer(delay, 0, 10'000, int(options.delay.count()));
    if (!n || !d)
        return 2;
    options.requests = *n;
    options.delay = std::chrono::milliseconds(*d);

    std::optional<TargetServer> target;
    try {
        target.emplace();
    } catch (const std::exception& e) {
        return command.couldNotRun(std::string("the embedded target could not start: ") + e.what());
    }
    options.targetUrl = target->url();
    return command.run<RequestsDemo>(options, termination);
}

} // namespace stampede
