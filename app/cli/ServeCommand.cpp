#include "app/cli/ServeCommand.h"

#include "app/cli/TerminationSignals.h"
#include "core/server/TargetSelfCheck.h"
#include "core/text/ParseNumber.h"

#include <QCommandLineParser>
#include <QSaveFile>

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
    const QCommandLineOption tls(
        QStringLiteral("tls"),
        QStringLiteral("Serve HTTPS, with a self-signed certificate for 127.0.0.1, ::1 and "
                       "localhost made at start (valid 24 h) unless --cert and --key are given."));
    const QCommandLineOption cert(QStringLiteral("cert"),
                                  QStringLiteral("Serve HTTPS with this certificate (PEM; the "
                                                 "chain after it, if any). Needs --key."),
                                  QStringLiteral("file"));
    const QCommandLineOption key(QStringLiteral("key"),
                                 QStringLiteral("The private key of --cert (PEM, unencrypted)."),
                                 QStringLiteral("file"));
    const QCommandLineOption writeCert(
        QStringLiteral("write-cert"),
        QStringLiteral("Write the served certificate to FILE (PEM) before printing the URL, for "
                       "clients to trust it: stampede run --cacert FILE, curl --cacert FILE."),
        QStringLiteral("file"));
    const QCommandLineOption mode(
        QStringLiteral("mode"),
        QStringLiteral("async (default: never blocks; a delay is a timer) or sync (each request "
                       "holds one of --workers threads for its whole duration, as a threaded "
                       "Flask does)."),
        QStringLiteral("async|sync"), QStringLiteral("async"));
    const QCommandLineOption workers(
        QStringLiteral("workers"),
        QStringLiteral("Sync mode: worker threads, 1 to 256 (default 4)."), QStringLiteral("W"),
        QStringLiteral("4"));
    parser.addOptions({listen, duration, selfCheck, tls, cert, key, writeCert, mode, workers});
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
    const QString modeName = parser.value(mode);
    if (modeName != QLatin1String("async") && modeName != QLatin1String("sync")) {
        std::cerr << "stampede serve: --mode is async or sync, not '" << modeName.toStdString()
                  << "'\n";
        return 2;
    }
    options.mode = modeName == QLatin1String("sync") ? ServerMode::Sync : ServerMode::Async;
    const auto workerCount = parseInteger(parser.value(workers).toStdString(), 1, 256);
    if (!workerCount) {
        std::cerr << "stampede serve: --workers needs a whole number from 1 to 256, not '"
                  << parser.value(workers).toStdString() << "'\n";
        return 2;
    }
    if (parser.isSet(workers) && options.mode != ServerMode::Sync) {
        std::cerr << "stampede serve: --workers is for --mode sync; async needs none\n";
        return 2;
    }
    options.workers = static_cast<int>(*workerCount);

    if (parser.isSet(cert) != parser.isSet(key)) {
        std::cerr << "stampede serve: give --cert and --key together\n";
        return 2;
    }
    const bool https = parser.isSet(tls) || parser.isSet(cert);
    if (parser.isSet(writeCert) && !https) {
        std::cerr << "stampede serve: --write-cert needs --tls (plain HTTP has no certificate)\n";
        return 2;
    }
    if (https && options.selfCheck) {
        std::cerr << "stampede serve: --self-check speaks plain HTTP; leave out --tls\n";
        return 2;
    }
    options.writeCertificate = parser.value(writeCert).toStdString();
    if (parser.isSet(cert)) {
        auto identity =
            readTlsIdentity(parser.value(cert).toStdString(), parser.value(key).toStdString());
        if (const auto* error = std::get_if<std::string>(&identity)) {
            std::cerr << "stampede serve: " << *error << '\n';
            return 2;
        }
        options.tls = std::get<TlsIdentity>(std::move(identity));
    } else if (https) {
        try {
            options.tls = makeSelfSignedIdentity();
        } catch (const std::exception& e) {
            std::cerr << "stampede serve: " << e.what() << '\n';
            return 1;
        }
    }
    return serve(options);
}

int ServeCommand::serve(const ServeOptions& options) const {
    std::optional<TargetServer> server;
    try {
        server.emplace(TargetServerOptions{.address = options.listen.address,
                                           .port = options.listen.port,
                                           .tls = options.tls,
                                           .mode = options.mode,
                                           .workers = options.workers});
    } catch (const std::exception& e) {
        std::cerr << "stampede serve: " << e.what() << '\n';
        return 1;
    }
    if (!options.writeCertificate.empty()) {
        // Whole or absent: a client polling for the file never reads half a certificate.
        QSaveFile file(QString::fromStdString(options.writeCertificate));
        const QByteArray pem = QByteArray::fromStdString(server->certificatePem());
        if (!file.open(QIODevice::WriteOnly) || file.write(pem) != pem.size() || !file.commit()) {
            std::cerr << "stampede serve: cannot write the certificate to "
                      << options.writeCertificate << ": " << file.errorString().toStdString()
                      << '\n';
            return 1;
        }
    }
    std::cout << "Stampede target listening on " << server->url()
              << (options.duration ? "" : "  (Ctrl+C to stop)") << '\n';
    if (options.mode == ServerMode::Sync)
        std::cout << "  sync mode: " << options.workers
                  << " workers, each request holds one for its whole duration\n";
    if (options.tls)
        std::cout << "  TLS: clients trust it with --cacert "
                  << (options.writeCertificate.empty() ? std::string("(see --write-cert)")
                                                       : options.writeCertificate)
                  << ", or skip verification with --insecure\n";
    std::cout << std::flush;

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
