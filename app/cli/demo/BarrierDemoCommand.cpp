#include "app/cli/demo/BarrierDemoCommand.h"

#include "app/cli/demo/DemoCommandLine.h"
#include "core/lab/barrier/BarrierSummary.h"
#include "core/lab/barrier/BarrierTrace.h"

namespace stampede {

int runBarrierDemo(const QStringList& arguments, const TerminationSignals& termination) {
    DemoCommandLine command(
        "barrier",
        QStringLiteral("A barrier: N threads do uneven work in M phases and meet at a "
                       "std::barrier after each, so the slowest sets the pace. Work times vary "
                       "around --work-ms, the same every run."));
    const QCommandLineOption threads(QStringLiteral("threads"),
                                     QStringLiteral("Threads, 1 to 16 (default 4)."),
                                     QStringLiteral("n"));
    const QCommandLineOption phases(QStringLiteral("phases"),
                                    QStringLiteral("Phases, 1 to 50 (default 5)."),
                                    QStringLiteral("m"));
    const QCommandLineOption workMs(
        QStringLiteral("work-ms"),
        QStringLiteral("Mean work of one thread in one phase; each takes 25-175 % of it "
                       "(default 200)."),
        QStringLiteral("ms"));
    command.addOptions({threads, phases, workMs});
    if (const auto done = command.parse(arguments))
        return *done;

    BarrierOptions options;
    const IntegerOptions& numbers = command.numbers();
    const auto n = numbers.integer(threads, 1, BarrierOptions::kMaxThreads, options.threads);
    const auto m = numbers.integer(phases, 1, BarrierOptions::kMaxPhases, options.phases);
    const auto w = numbers.integer(workMs, 1, 60'000, int(options.workTime.count()));
    if (!n || !m || !w)
        return 2;
    options.threads = *n;
    options.phases = *m;
    options.workTime = std::chrono::milliseconds(*w);
    return command.run<BarrierDemo>(options, termination);
}

} // namespace stampede
