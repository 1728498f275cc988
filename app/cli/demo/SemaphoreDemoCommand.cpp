#include "app/cli/demo/SemaphoreDemoCommand.h"

#include "app/cli/TerminationSignals.h"
#include "app/cli/demo/IntegerOptions.h"
#include "core/lab/semaphore/SemaphoreDemo.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>
#include <cstdio>
#include <iostream>

namespace stampede {

namespace {

using namespace std::chrono_literals;

double rounded(double ms) {
    return std::round(ms * 10) / 10;
}

void printText(const SemaphoreProgress& p, const SemaphoreOptions& o) {
    std::printf("Semaphore: %d jobs of about %lld ms, at most %d at a time.\n", o.jobs,
                static_cast<long long>(o.jobTime.count()), o.limit);
    std::printf("  total time     %8.1f ms\n", p.totalMs());
    std::printf("  max active     %8d    (limit %d)\n", p.maxActive, p.limit);
    std::printf("  mean wait      %8.1f ms\n", p.meanWaitMs());
    std::printf("  mean run       %8.1f ms\n", p.meanRunMs());
    std::printf("  jobs finished  %8d of %d\n", p.finishedJobs(), o.jobs);
    std::fflush(stdout);
}

QJsonObject json(const SemaphoreProgress& p, const SemaphoreOptions& o) {
    QJsonArray jobs;
    for (const JobTiming& j : p.jobs)
        jobs.append(QJsonObject{{"job", j.job + 1},
                                {"planned_ms", j.plannedMs},
                                {"queued_ms", rounded(j.queuedMs)},
                                {"started_ms", rounded(j.startedMs)},
                                {"finished_ms", rounded(j.finishedMs)}});
    return {{"jobs", o.jobs},
            {"limit", o.limit},
            {"job_ms", qint64(o.jobTime.count())},
            {"total_ms", rounded(p.totalMs())},
            {"max_active", p.maxActive},
            {"mean_wait_ms", rounded(p.meanWaitMs())},
            {"mean_run_ms", rounded(p.meanRunMs())},
            {"finished_jobs", p.finishedJobs()},
            {"stopped", p.stopped},
            {"timeline", jobs}};
}

} // namespace

int runSemaphoreDemo(const QStringList& arguments, const TerminationSignals& termination) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Semaphore: J jobs queue at once, at most K run at a time behind a "
        "std::counting_semaphore. Job lengths vary around --job-ms, the same every run."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("demo"), QStringLiteral("The command."));
    parser.addPositionalArgument(QStringLiteral("semaphore"), QStringLiteral("The demo."));
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
    const QCommandLineOption asJson(QStringLiteral("json"),
                                    QStringLiteral("Print the figures as JSON."));
    parser.addOptions({jobs, limit, jobMs, asJson});
    if (!parser.parse(arguments)) {
        std::cerr << "stampede demo semaphore: " << parser.errorText().toStdString()
                  << "\nTry 'stampede demo semaphore --help'.\n";
        return 2;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        std::cout << parser.helpText().toStdString();
        return 0;
    }
    SemaphoreOptions options;
    const IntegerOptions numbers(parser, "semaphore");
    const auto j = numbers.integer(jobs, 1, SemaphoreOptions::kMaxJobs, options.jobs);
    const auto k = numbers.integer(limit, 1, SemaphoreOptions::kMaxLimit, options.limit);
    const auto m = numbers.integer(jobMs, 1, 60'000, int(options.jobTime.count()));
    if (!j || !k || !m)
        return 2;
    options.jobs = *j;
    options.limit = *k;
    options.jobTime = std::chrono::milliseconds(*m);

    SemaphoreDemo demo(options);
    demo.start();
    while (!demo.wait(100ms))
        if (termination.wait(0ms)) {
            std::cerr << "Stopping: the results so far follow.\n";
            demo.requestStop();
        }
    const SemaphoreProgress result = demo.progress();
    if (parser.isSet(asJson))
        std::cout << QJsonDocument(json(result, options)).toJson().toStdString() << std::flush;
    else
        printText(result, options);
    return result.stopped ? 1 : 0;
}

} // namespace stampede
