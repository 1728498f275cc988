#include "app/cli/demo/PiDemoCommand.h"

#include "app/cli/demo/DemoCommandLine.h"
#include "core/lab/pi/PiSummary.h"
#include "core/lab/pi/PiTrace.h"

namespace stampede {

int runPiDemo(const QStringList& arguments, const TerminationSignals& termination) {
    const int cores = PiSweep::hardwareCores();
    DemoCommandLine command(
        "pi", QStringLiteral("Monte Carlo π: T threads each draw random points from their own "
                             "stream (seed + thread number) and count those inside the quarter "
                             "circle. The same seed, threads and samples always give the same "
                             "estimate."));
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
    const QCommandLineOption gil(
        QStringLiteral("gil"),
        QStringLiteral("Every thread holds one global lock while it draws a chunk, as CPython's "
                       "threads hold the GIL. With --sweep, the sweep runs without the lock and "
                       "then with it."));
    command.addOptions({threads, samples, chunk, accuracy, seed, sweep, gil});
    if (const auto done = command.parse(arguments))
        return *done;

    PiOptions options;
    const bool sweeping = command.parser().isSet(sweep);
    const IntegerOptions& numbers = command.numbers();
    const auto t =
        numbers.integer(threads, 1, PiOptions::kMaxThreads, sweeping ? 2 * cores : cores);
    const auto n = numbers.count(samples, 1, PiOptions::kMaxSamples, options.samples);
    const auto c = numbers.count(chunk, 1, PiOptions::kMaxChunk, options.chunk);
    const auto s = numbers.integer<std::uint64_t>(seed, 0, std::uint64_t{1} << 53, options.seed);
    if (!t || !n || !c || !s)
        return 2;
    options.threads = *t;
    options.samples = *n;
    options.chunk = *c;
    options.seed = *s;
    options.gil = command.parser().isSet(gil);
    if (command.parser().isSet(accuracy)) {
        bool ok = false;
        options.targetError = command.parser().value(accuracy).toDouble(&ok);
        if (!ok)
            options.targetError = 0.0; // problem() names the field
    }
    if (const auto problem = options.problem())
        return command.badArguments(*problem);
    if (sweeping)
        return command.run<PiSweep>({.run = options, .maxThreads = options.threads}, termination);
    return command.run<PiEstimator>(options, termination);
}

} // namespace stampede
