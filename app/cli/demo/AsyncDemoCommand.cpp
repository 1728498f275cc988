#include "app/cli/demo/AsyncDemoCommand.h"

#include "app/cli/demo/DemoCommandLine.h"
#include "core/lab/async/AsyncSummary.h"
#include "core/lab/async/AsyncTrace.h"
#include "core/server/TargetServer.h"

#include <limits>
#include <optional>

namespace stampede {

int runAsyncDemo(const QStringList& arguments, const TerminationSignals& termination) {
    DemoCommandLine command(
        "async", QStringLiteral("gather, as_completed and wait: N requests at once to the "
                                "embedded target's /delay, each with its own seeded delay, sent "
                                "by the real load engine and waited for four ways: all, each as "
                                "it completes, the first completed (the rest cancelled), and "
                                "what is done by a timeout (the rest cancelled)."));
    const AsyncOptions defaults;
    const QCommandLineOption count(QStringList{QStringLiteral("n"), QStringLiteral("requests")},
                                   QStringLiteral("Requests, 1 to %1 (default %2).")
                                       .arg(AsyncOptions::kMaxRequests)
                                       .arg(defaults.requests),
                                   QStringLiteral("n"));
    const QCommandLineOption mode(
        QStringLiteral("mode"),
        QStringLiteral("gather, as-completed, first, timeout, or all of them one after the "
                       "other (default all)."),
        QStringLiteral("mode"));
    const QCommandLineOption timeout(QStringLiteral("timeout-ms"),
                                     QStringLiteral("The timeout mode's T, 1 to %1 (default %2).")
                                         .arg(AsyncOptions::kMaxTimeoutMs)
                                         .arg(defaults.timeout.count()),
                                     QStringLiteral("T"));
    const QCommandLineOption latency(
        QStringLiteral("latency"),
        QStringLiteral("Each request's delay: fixed:MS, uniform:A-B or exp:MEAN (default %1).")
            .arg(QString::fromStdString(defaults.latency)),
        QStringLiteral("spec"));
    const QCommandLineOption seed(
        QStringLiteral("seed"),
        QStringLiteral("Seed of the delays: the same seed, the same run (default %1).")
            .arg(defaults.seed),
        QStringLiteral("S"));
    command.addOptions({count, mode, timeout, latency, seed});
    if (const auto done = command.parse(arguments))
        return *done;

    AsyncOptions options;
    const IntegerOptions& numbers = command.numbers();
    const auto n = numbers.integer(count, 1, AsyncOptions::kMaxRequests, options.requests);
    const auto t =
        numbers.integer(timeout, 1, AsyncOptions::kMaxTimeoutMs, int(options.timeout.count()));
    const auto s = numbers.integer<std::int64_t>(seed, 0, std::numeric_limits<std::int64_t>::max(),
                                                 std::int64_t(options.seed));
    if (!n || !t || !s)
        return 2;
    options.requests = *n;
    options.timeout = std::chrono::milliseconds(*t);
    options.seed = static_cast<std::uint64_t>(*s);
    if (command.parser().isSet(mode)) {
        const std::string name = command.parser().value(mode).toStdString();
        if (const auto one = parseAsyncMode(name))
            options.modes = {*one};
        else if (name != "all")
            return command.badArguments("--mode must be gather, as-completed, first, timeout "
                                        "or all, not '" +
                                        name + "'");
    }
    if (command.parser().isSet(latency))
        options.latency = command.parser().value(latency).toStdString();
    if (const auto problem = options.latencyProblem())
        return command.badArguments("--latency: " + *problem);

    std::optional<TargetServer> target;
    try {
        target.emplace();
    } catch (const std::exception& e) {
        return command.couldNotRun(std::string("the embedded target could not start: ") + e.what());
    }
    options.targetUrl = target->url();
    return command.run<AsyncDemo>(options, termination);
}

} // namespace stampede
