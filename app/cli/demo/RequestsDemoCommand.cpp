#include "app/cli/demo/RequestsDemoCommand.h"

#include "app/cli/TerminationSignals.h"
#include "app/cli/demo/IntegerOptions.h"
#include "core/lab/requests/RequestsDemo.h"
#include "core/server/TargetServer.h"

#include <QCommandLineParser>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>
#include <cstdio>
#include <iostream>
#include <optional>

namespace stampede {

namespace {

using namespace std::chrono_literals;

double seconds(double ms) {
    return std::round(ms) / 1000;
}

QJsonObject json(const RequestsProgress& p, const RequestsOptions& o) {
    return {{"requests", o.requests},
            {"delay_ms", qint64(o.delay.count())},
            {"sequential_s", seconds(p.sequential.totalMs())},
            {"concurrent_s", seconds(p.concurrent.totalMs())},
            {"speedup", std::round(p.speedUp() * 100) / 100},
            {"sequential_recorded", int(p.sequential.records.size())},
            {"concurrent_recorded", int(p.concurrent.records.size())},
            {"errors", p.sequential.errors() + p.concurrent.errors()},
            {"stopped", p.phase == RequestsProgress::Phase::Stopped}};
}

void printText(const RequestsProgress& p, const RequestsOptions& o, const std::string& url) {
    std::printf("Requests: %d x GET %s\n", o.requests, url.c_str());
    const std::string together = "all at once (" + std::to_string(o.requests) + " users)";
    std::printf("  %-28s %7.3f s\n", "one at a time (1 user)", seconds(p.sequential.totalMs()));
    if (p.concurrent.started)
        std::printf("  %-28s %7.3f s\n", together.c_str(), seconds(p.concurrent.totalMs()));
    else
        std::printf("  %-28s %9s\n", together.c_str(), "not run");
    if (p.speedUp() > 0)
        std::printf("  %-28s %7.1f x\n", "speed-up", p.speedUp());
    const int errors = p.sequential.errors() + p.concurrent.errors();
    if (errors > 0)
        std::printf("  %-28s %7d\n", "failed requests", errors);
    std::fflush(stdout);
}

} // namespace

int runRequestsDemo(const QStringList& arguments, const TerminationSignals& termination) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Sequential vs concurrent requests: N requests to the embedded target's /delay/D, "
        "one at a time and then all at once, sent by the real load engine."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("demo"), QStringLiteral("The command."));
    parser.addPositionalArgument(QStringLiteral("requests"), QStringLiteral("The demo."));
    const QCommandLineOption count(QStringList{QStringLiteral("n"), QStringLiteral("requests")},
                                   QStringLiteral("Requests, 1 to 200 (default 20)."),
                                   QStringLiteral("n"));
    const QCommandLineOption delay(QStringLiteral("delay-ms"),
                                   QStringLiteral("How long the server takes to answer each, "
                                                  "0 to 10000 (default 200)."),
                                   QStringLiteral("ms"));
    const QCommandLineOption asJson(QStringLiteral("json"),
                                    QStringLiteral("Print the figures as JSON."));
    parser.addOptions({count, delay, asJson});
    if (!parser.parse(arguments)) {
        std::cerr << "stampede demo requests: " << parser.errorText().toStdString()
                  << "\nTry 'stampede demo requests --help'.\n";
        return 2;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        std::cout << parser.helpText().toStdString();
        return 0;
    }
    RequestsOptions options;
    if (parser.isSet(count) && parser.value(count).toLongLong() > RequestsOptions::kMaxRequests) {
        std::cerr << "stampede demo requests: at most " << RequestsOptions::kMaxRequests
                  << " requests: the engine's timeline keeps 256 requests per 100 ms, and the "
                     "chart needs every one of them.\n";
        return 2;
    }
    const IntegerOptions numbers(parser, "requests");
    const auto n = numbers.integer(count, 1, RequestsOptions::kMaxRequests, options.requests);
    const auto d = numbers.integer(delay, 0, 10'000, int(options.delay.count()));
    if (!n || !d)
        return 2;
    options.requests = *n;
    options.delay = std::chrono::milliseconds(*d);

    std::optional<TargetServer> target;
    try {
        target.emplace();
    } catch (const std::exception& e) {
        std::cerr << "stampede demo requests: the embedded target could not start: " << e.what()
                  << '\n';
        return 1;
    }
    options.targetUrl = target->url();
    RequestsDemo demo(options);
    demo.start();
    while (!demo.wait(100ms))
        if (termination.wait(0ms)) {
            std::cerr << "Stopping: the results so far follow.\n";
            demo.requestStop();
        }
    const RequestsProgress result = demo.progress();
    if (result.phase == RequestsProgress::Phase::Failed) {
        std::cerr << "stampede demo requests: " << result.failure << '\n';
        return 1;
    }
    if (parser.isSet(asJson))
        std::cout << QJsonDocument(json(result, options)).toJson().toStdString() << std::flush;
    else
        printText(result, options, demo.url());
    return result.phase == RequestsProgress::Phase::Done ? 0 : 1;
}

} // namespace stampede
