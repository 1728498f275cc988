#include "app/cli/ServeCommand.h"

#include "app/cli/TerminationSignals.h"
#include "core/server/TargetSelfCheck.h"
#include "core/server/TargetServer.h"

#include <QCommandLineParser>

#include <csignal>
#include <cstdio>
#include <iostream>

namespace stampede {
namespace {

bool printSelfCheck(const TargetServer& server) {
    std::cout << "Self-check of every endpoint:\n";
    const auto results = TargetSelfCheck(server.host(), server.port()).run();
    int passed = 0;
    for (const auto& r : results) {
        char line[160];
        std::snprintf(line, sizeof line, "  %-4s %-30s %-32s %8.1f ms\n", r.passed ? "ok" : "FAIL",
                      r.name.c_str(), r.detail.c_str(), r.elapsed.count() / 1000.0);
        std::cout << line;
        passed += r.passed;
    }
    std::cout << "Self-check: " << passed << " of " << results.size() << " passed.\n" << std::flush;
    return passed == static_cast<int>(results.size());
}

} // namespace

int ServeCommand::run(const QStringList& arguments) const {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Run the embedded target server until Ctrl+C. It prints its URL first."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("serve"), QStringLiteral("The command."));
    const QCommandLineOption listen(
        {QStringLiteral("l"), QStringLiteral("listen")},
        QStringLiteral("Where to listen, HOST:PORT (default 127.0.0.1:0, a free loopback port). "
                       "Another address than loopback only if you really mean it."),
        QStringLiteral("host:port"), QStringLiteral("127.0.0.1:0"));
    const QCommandLineOption duration(QStringLiteral("duration"),
                                      QStringLiteral("Stop by itself after this many seconds."),
                                      QStringLiteral("seconds"));
    const QCommandLineOption selfCheck(
        QStringLiteral("self-check"),
        QStringLiteral("Send one request to every endpoint first and print the results."));
    parser.addOptions({listen, duration, selfCheck});
    if (!parser.parse(arguments)) {
        std::cerr << "stampede serve: " << parser.errorText().toStdString()
                  << "\nTry 'stampede serve --help'.\n";
        return 2;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        std::cout << parser.helpText().toStdString();
        return 0;
    }

    ServeOptions options;
    const auto address = ListenAddress::parse(parser.value(listen).toStdString());
    if (const auto* error = std::get_if<std::string>(&address)) {
        std::cerr << "stampede serve: --listen " << *error << '\n';
        return 2;
    }
    options.listen = std::get<ListenAddress>(address);
    if (parser.isSet(duration)) {
        bool ok = false;
        const double seconds = parser.value(duration).toDouble(&ok);
        if (!ok || seconds <= 0 || seconds > 7 * 24 * 3600) {
            std::cerr << "stampede serve: --duration needs a number of seconds above 0, not '"
                      << parser.value(duration).toStdString() << "'\n";
            return 2;
        }
        options.duration = std::chrono::milliseconds(static_cast<long long>(seconds * 1000));
    }
    options.selfCheck = parser.isSet(selfCheck);
    return serve(options);
}

int ServeCommand::serve(const ServeOptions& options) const {
    std::optional<TargetServer> server;
    try {
        server.emplace(
            TargetServerOptions{.address = options.listen.address, .port = options.listen.port});
    } catch (const std::exception& e) {
        std::cerr << "stampede serve: " << e.what() << '\n';
        return 1;
    }
    std::cout << "Stampede target listening on " << server->url()
              << (options.duration ? "" : "  (Ctrl+C to stop)") << '\n'
              << std::flush;

    const bool checked = !options.selfCheck || printSelfCheck(*server);
    if (const auto signal = termination_.wait(options.duration))
        std::cout << "Received " << (*signal == SIGINT ? "SIGINT" : "SIGTERM") << ", stopping.\n";
    server->stop();
    const auto stats = server->stats();
    std::cout << "Served " << stats.requests << " requests on " << stats.connectionsAccepted
              << " connections.\n";
    return checked ? 0 : 1;
}

} // namespace stampede
