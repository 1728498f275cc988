#include "app/cli/demo/DeadlockDemoCommand.h"

#include "app/cli/TerminationSignals.h"
#include "app/cli/demo/IntegerOptions.h"
#include "core/lab/deadlock/DeadlockDemo.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>
#include <iostream>

namespace stampede {

namespace {

using namespace std::chrono_literals;

std::string joined(const std::vector<std::string>& names, const char* separator) {
    std::string text;
    for (const std::string& name : names)
        text += (text.empty() ? "" : separator) + name;
    return text;
}

void printText(const DeadlockProgress& p, int rounds) {
    std::cout << "Deadlock: " << p.threads << " threads in a ring; thread i takes lock i, "
              << "then lock i+1.\n";
    const DeadlockDetection& d = *p.detection;
    if (d.detected)
        std::cout << "Watchdog: no lock taken for " << d.stalledFor.count()
                  << " ms; wait-for cycle found " << d.detectedAfter.count()
                  << " ms after the start:\n  " << joined(d.names, " -> ") << " -> "
                  << d.names.front() << "\n  (thread -> the lock it waits for -> its holder)\n";
    else
        std::cout << "Watchdog: stopped before it found a cycle.\n";
    std::cout << "Every thread gave up and ended: " << (d.allThreadsEnded ? "yes" : "NO") << "\n";
    if (p.fixes.empty())
        return;
    std::cout << "\nThe fixes, side by side (" << p.threads << " threads x " << rounds
              << " rounds each):\n";
    std::printf("  %-28s %-9s %9s %7s %10s\n", "fix", "finished", "time", "rounds", "back-offs");
    for (const FixResult& f : p.fixes)
        std::printf("  %-28s %-9s %6lld ms %7d %10d\n", std::string(fixTitle(f.strategy)).c_str(),
                    f.finished ? "yes" : "NO", static_cast<long long>(f.elapsed.count()), f.rounds,
                    f.backoffs);
    std::fflush(stdout);
}

QJsonObject json(const DeadlockProgress& p) {
    const DeadlockDetection& d = *p.detection;
    QJsonArray cycle;
    for (const std::string& name : d.names)
        cycle.append(QString::fromStdString(name));
    QJsonArray fixes;
    for (const FixResult& f : p.fixes)
        fixes.append(QJsonObject{{"name", QString::fromUtf8(fixName(f.strategy).data())},
                                 {"title", QString::fromUtf8(fixTitle(f.strategy).data())},
                                 {"finished", f.finished},
                                 {"time_ms", qint64(f.elapsed.count())},
                                 {"rounds", f.rounds},
                                 {"backoffs", f.backoffs}});
    return {{"threads", p.threads},
            {"detected", d.detected},
            {"cycle", cycle},
            {"detection_ms", qint64(d.detectedAfter.count())},
            {"stalled_ms", qint64(d.stalledFor.count())},
            {"all_threads_ended", d.allThreadsEnded},
            {"stopped", p.phase == DeadlockProgress::Phase::Stopped},
            {"fixes", fixes}};
}

} // namespace

int runDeadlockDemo(const QStringList& arguments, const TerminationSignals& termination) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Deadlock: threads in a ring take two locks in opposite order and stall; a watchdog "
        "finds the wait-for cycle and ends them; then three fixes run the same ring."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("demo"), QStringLiteral("The command."));
    parser.addPositionalArgument(QStringLiteral("deadlock"), QStringLiteral("The demo."));
    const QCommandLineOption threads(QStringLiteral("threads"),
                                     QStringLiteral("Threads (and locks) in the ring, 2 to 8."),
                                     QStringLiteral("n"), QStringLiteral("2"));
    const QCommandLineOption stall(QStringLiteral("stall-ms"),
                                   QStringLiteral("No lock taken for this long counts as a "
                                                  "stall (default 300)."),
                                   QStringLiteral("ms"));
    const QCommandLineOption asJson(QStringLiteral("json"),
                                    QStringLiteral("Print the figures as JSON."));
    parser.addOptions({threads, stall, asJson});
    if (!parser.parse(arguments)) {
        std::cerr << "stampede demo deadlock: " << parser.errorText().toStdString()
                  << "\nTry 'stampede demo deadlock --help'.\n";
        return 2;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        std::cout << parser.helpText().toStdString();
        return 0;
    }
    DeadlockOptions options;
    const IntegerOptions numbers(parser, "deadlock");
    const auto n = numbers.integer(threads, DeadlockOptions::kMinThreads,
                                   DeadlockOptions::kMaxThreads, options.threads);
    const auto stallMs = numbers.integer(stall, 50, 10'000, int(options.stallTimeout.count()));
    if (!n || !stallMs)
        return 2;
    options.threads = *n;
    options.stallTimeout = std::chrono::milliseconds(*stallMs);

    DeadlockDemo demo(options);
    demo.start();
    while (!demo.wait(100ms))
        if (termination.wait(0ms)) {
            std::cerr << "Stopping: the results so far follow.\n";
            demo.requestStop();
        }
    const DeadlockProgress result = demo.progress();
    if (parser.isSet(asJson))
        std::cout << QJsonDocument(json(result)).toJson().toStdString() << std::flush;
    else
        printText(result, options.fixRounds);
    if (result.phase == DeadlockProgress::Phase::Stopped)
        return 1;
    bool fixed = true;
    for (const FixResult& f : result.fixes)
        fixed = fixed && f.finished;
    return result.detection->detected && result.detection->allThreadsEnded && fixed ? 0 : 1;
}

} // namespace stampede
