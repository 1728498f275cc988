#include "app/cli/demo/SemaphoreDemoCommand.h"

#include "app/cli/demo/DemoCommandLine.h"
#include "core/lab/semaphore/SemaphoreSummary.h"
#include "core/lab/semaphore/SemaphoreTrace.h"

namespace stampede {

int runSemaphoreDemo(const QStringList& arguments, const TerminationSignals& termination) {
    DemoCommandLine command(
        "semaphore",
        QStringLiteral("Semaphore: J jobs queue at once, at most K run at a time behind a "
                       "std::counting_semaphore. Job lengths vary around --job-ms, the same "
                       "every run."));
    const QCommandLineOption jobs(QStringLiteral("jobs"),
                                  QStringLiteral("Jobs to run, 1 to 200 (default 12)."),
                                  QStringLiteral("j"));
    const QCommandLineOption limit(
        QStringLiteral("limit"), QStringLiteral("At most this many at once, 1 to 64 (default 3)."),
        QStringLiteral("k"));
    const QCommandLineOption jobMs(QStringLiteral("job-ms"),
                                   QStringLiteral("Mean length of a job; each takes 50-150 % of "
                                                  "it (default 200)."),
                                   QStringLiteral("ms"));
    command.addOptions({jobs, limit, jobMs});
    if (const auto done = command.parse(arguments))
        return *done;

    SemaphoreOptions options;
    const IntegerOptions& numbers = command.numbers();
    const auto j = numbers.integer(jobs, 1, SemaphoreOptions::kMaxJobs, options.jobs);
    const auto k = numbers.integer(limit, 1, SemaphoreOptions::kMaxLimit, options.limit);
    const auto m = numbers.integer(jobMs, 1, 60'000, int(options.jobTime.count()));
    if (!j || !k || !m)
        return 2;
    options.jobs = *j;
    options.limit = *k;
    options.jobTime = std::chrono::milliseconds(*m);
    return command.run<SemaphoreDemo>(options, termination);
}

} // namespace stampede
