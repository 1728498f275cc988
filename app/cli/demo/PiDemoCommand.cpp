#include "app/cli/demo/PiDemoCommand.h"

#include "app/cli/TerminationSignals.h"
#include "app/cli/demo/IntegerOptions.h"
#include "core/lab/pi/PiEstimator.h"
#include "core/lab/pi/PiSweep.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>
#include <iostream>
#include <numbers>

namespace stampede {
namespace {

using namespace std::chrono_literals;

QJsonObject runJson(const PiSettings& s, const PiProgress& p) {
    QJsonArray lanes;
    for (std::size_t i = 0; i < p.lanes.size(); ++i)
        lanes.append(QJsonObject{{"thread", int(i + 1)},
                                 {"samples", qint64(p.lanes[i].tally.samples)},
                                 {"hits", qint64(p.lanes[i].tally.hits)},
                                 {"samples_per_second", p.lanes[i].samplesPerSecond()}});
    return {{"threads", s.threads},
            {"chunk", qint64(s.chunk)},
            {"seed", qint64(s.seed)},
            {"target_error", s.targetError ? QJsonValue(*s.targetError) : QJsonValue()},
            {"estimate", p.tally.estimate()},
            {"error", p.tally.estimate() - std::numbers::pi},
            {"standard_error", p.tally.standardError()},
            {"samples", qint64(p.tally.samples)},
            {"hits", qint64(p.tally.hits)},
            {"seconds", p.seconds},
            {"samples_per_second", p.samplesPerSecond()},
            {"per_thread", lanes},
            {"target_reached", p.targetReached},
            {"stopped", p.stopped}};
}

void printRun(const PiSettings& s, const PiProgress& p) {
    std::printf("Monte Carlo π: %d thread%s, seed %llu, chunk %llu%s\n", s.threads,
                s.threads == 1 ? "" : "s", (unsigned long long)s.seed, (unsigned long long)s.chunk,
                p.stopped ? "  (stopped early)" : "");
    std::printf("  estimate        %.9f\n", p.tally.estimate());
    std::printf("  error vs π      %+.2e\n", p.tally.estimate() - std::numbers::pi);
    std::printf("  standard error  %.2e%s\n", p.tally.standardError(),
                !s.targetError    ? ""
                : p.targetReached ? "  (below the target)"
                                  : "  (target NOT reached within the samples)");
    std::printf("  samples         %llu\n", (unsigned long long)p.tally.samples);
    std::printf("  seconds         %.3f\n", p.seconds);
    std::printf("  samples/s       %.1f M total;", p.samplesPerSecond() / 1e6);
    for (std::size_t i = 0; i < p.lanes.size(); ++i)
        std::printf(" pi-%zu %.1f M", i + 1, p.lanes[i].samplesPerSecond() / 1e6);
    std::printf("\n");
}

QJsonObject sweepJson(const PiSettings& s, const std::vector<PiSweepRow>& rows,
                      const std::optional<AmdahlFit>& fit, int cores) {
    QJsonArray table;
    for (const PiSweepRow& row : rows)
        table.append(QJsonObject{{"threads", row.threads},
                                 {"seconds", row.seconds},
                                 {"speedup", row.speedup},
                                 {"samples_per_second", row.samplesPerSecond},
                                 {"estimate", row.estimate}});
    return {{"samples", qint64(s.samples)},
            {"seed", qint64(s.seed)},
            {"cores", cores},
            {"sweep", table},
            {"serial_fraction", fit ? QJsonValue(fit->serialFraction()) : QJsonValue()}};
}

void printSweep(const PiSettings& s, const std::vector<PiSweepRow>& rows,
                const std::optional<AmdahlFit>& fit, int cores) {
    std::printf("Speed-up sweep: %llu samples on 1 to %zu threads, %d cores\n",
                (unsigned long long)s.samples, rows.size(), cores);
    std::printf("  threads   seconds   speed-up   ideal   samples/s\n");
    for (const PiSweepRow& row : rows)
        std::printf("  %7d   %7.3f   %7.2fx   %5d   %7.1f M\n", row.threads, row.seconds,
                    row.speedup, std::min(row.threads, cores), row.samplesPerSecond / 1e6);
    if (fit)
        std::printf("  Amdahl serial fraction: %.1f %% (least squares, up to %d threads)\n",
                    fit->serialFraction() * 100, cores);
    else
        std::printf("  Amdahl serial fraction: needs runs on 2 threads or more and 2 cores\n");
}

} // namespace

int runPiDemo(const QStringList& arguments, const TerminationSignals& termination) {
    const int cores = PiSweep::hardwareCores();
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Monte Carlo π: T threads each draw random points from their own stream (seed + thread "
        "number) and count those inside the quarter circle. The same seed, threads and samples "
        "always give the same estimate."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("demo"), QStringLiteral("The command."));
    parser.addPositionalArgument(QStringLiteral("pi"), QStringLiteral("The demo."));
    const QCommandLineOption threads(
        {QStringLiteral("t"), QStringLiteral("threads")},
        QStringLiteral("Worker threads, 1 to 64 (default: the %1 cores). With --sweep, the "
                       "most threads (default twice the cores).")
            .arg(cores),
        QStringLiteral("T"));
    const QCommandLineOption samples(
        {QStringLiteral("n"), QStringLiteral("samples")},
        QStringLiteral("Points to draw, e.g. 1e9 (default). With --accuracy, the most to draw."),
        QStringLiteral("S"));
    const QCommandLineOption chunk(
        QStringLiteral("chunk"),
        QStringLiteral("Points between progress updates and stop checks (default 1e6, at most "
                       "1e7)."),
        QStringLiteral("C"));
    const QCommandLineOption accuracy(
        QStringLiteral("accuracy"),
        QStringLiteral("Stop once the standard error is below E, e.g. 1e-4."), QStringLiteral("E"));
    const QCommandLineOption seed(QStringLiteral("seed"), QStringLiteral("Seed (default 1)."),
                                  QStringLiteral("N"));
    const QCommandLineOption sweep(QStringLiteral("sweep"),
                                   QStringLiteral("Run the speed-up sweep: the same samples on 1, "
                                                  "2, … threads, with an Amdahl fit."));
    const QCommandLineOption asJson(QStringLiteral("json"),
                                    QStringLiteral("Print the figures as JSON."));
    parser.addOptions({threads, samples, chunk, accuracy, seed, sweep, asJson});
    if (!parser.parse(arguments) || parser.positionalArguments().size() != 2) {
        std::cerr << "stampede demo pi: "
                  << (parser.errorText().isEmpty() ? QStringLiteral("unexpected arguments")
                                                   : parser.errorText())
                         .toStdString()
                  << "\nTry 'stampede demo pi --help'.\n";
        return 2;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        std::cout << parser.helpText().toStdString();
        return 0;
    }
    PiSettings settings;
    const bool sweeping = parser.isSet(sweep);
    const IntegerOptions options(parser, "pi");
    const auto t =
        options.integer(threads, 1, PiSettings::kMaxThreads, sweeping ? 2 * cores : cores);
    const auto n = options.count(samples, 1, PiSettings::kMaxSamples, settings.samples);
    const auto c = options.count(chunk, 1, PiSettings::kMaxChunk, settings.chunk);
    const auto s = options.integer<std::uint64_t>(seed, 0, std::uint64_t{1} << 53, settings.seed);
    if (!t || !n || !c || !s)
        return 2;
    settings.threads = *t;
    settings.samples = *n;
    settings.chunk = *c;
    settings.seed = *s;
    if (parser.isSet(accuracy)) {
        bool ok = false;
        settings.targetError = parser.value(accuracy).toDouble(&ok);
        if (!ok)
            settings.targetError = 0.0;
    }
    if (const auto problem = settings.problem()) {
        std::cerr << "stampede demo pi: " << *problem << '\n';
        return 2;
    }
    const bool json = parser.isSet(asJson);

    if (sweeping) {
        PiSweep run(settings, settings.threads);
        while (!run.waitFor(100ms))
            if (termination.wait(0ms))
                run.requestStop();
        const auto rows = run.rows();
        const auto fit = PiSweep::fit(rows, cores);
        if (json)
            std::cout
                << QJsonDocument(sweepJson(settings, rows, fit, cores)).toJson().toStdString();
        else
            printSweep(settings, rows, fit, cores);
        return int(rows.size()) == settings.threads ? 0 : 1;
    }
    PiEstimator estimator(settings);
    while (!estimator.waitFor(100ms))
        if (termination.wait(0ms))
            estimator.requestStop();
    const PiProgress result = estimator.progress();
    if (json)
        std::cout << QJsonDocument(runJson(settings, result)).toJson().toStdString();
    else
        printRun(settings, result);
    return result.stopped ? 1 : 0;
}

} // namespace stampede
