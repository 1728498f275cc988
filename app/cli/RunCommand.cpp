#include "app/cli/RunCommand.h"

#include "app/cli/CliRunSink.h"
#include "app/cli/RunArguments.h"
#include "app/cli/TerminationSignals.h"
#include "core/engine/CurrentRate.h"
#include "core/engine/LoadEngine.h"
#include "core/report/JUnitReport.h"
#include "core/report/ReportDirectory.h"
#include "core/report/ReportWriter.h"
#include "core/report/ResultFile.h"
#include "core/report/RunJson.h"
#include "core/report/SummaryText.h"
#include "core/server/TargetServer.h"
#include "core/text/UtcTime.h"

#include <cstdio>
#include <iostream>
#include <unistd.h>

namespace stampede {
namespace {

using namespace std::chrono_literals;

// Runs until the engine ends the run by itself or a signal asks it to stop, drawing one
// line of progress on a terminal four times a second meanwhile. It looks for a signal every
// 10 ms, so Ctrl+C stops the run at once (the wakeups cost microseconds), and it notices the
// end of a run the moment it comes.
void watch(LoadEngine& engine, const CliRunSink& sink, const TerminationSignals& termination,
           bool showProgress) {
    constexpr auto kLook = 10ms;
    constexpr int kLooksPerLine = 25;
    CurrentRate rate;
    bool stopping = false;
    for (int look = 1; !engine.wait(kLook); ++look) {
        if (!stopping && termination.wait(0ms)) {
            stopping = true;
            engine.requestStop();
            std::cerr << (showProgress ? "\n" : "") << "Stopping: the results so far follow.\n";
        }
        const auto snapshot = look % kLooksPerLine == 0 ? sink.latest() : std::nullopt;
        if (!showProgress || !snapshot)
            continue;
        std::cerr << "\r\033[K" << progressLine(*snapshot, rate.next(*snapshot)) << std::flush;
    }
    if (showProgress)
        std::cerr << "\r\033[K" << std::flush;
}

// Sleeps until `at` by the wall clock, or until a signal; false when a signal came first.
bool waitUntil(std::chrono::system_clock::time_point at, const TerminationSignals& termination,
               bool quiet) {
    using SysClock = std::chrono::system_clock;
    const auto ahead = std::chrono::duration<double>(at - SysClock::now()).count();
    if (ahead < -1) {
        std::cerr << "stampede run: --start-at " << utcText(at).toStdString() << " passed "
                  << ahead * -1 << " s ago: starting now, behind the shards that waited\n";
        return true;
    }
    if (!quiet && ahead > 0)
        std::cerr << "Waiting " << ahead << " s for --start-at " << utcText(at).toStdString()
                  << '\n';
    // In slices, so that the wall clock rules (a suspended VM, a stepped clock) and Ctrl+C
    // is seen at once.
    for (auto now = SysClock::now(); now < at; now = SysClock::now())
        if (termination.wait(std::chrono::ceil<std::chrono::milliseconds>(
                std::min<SysClock::duration>(at - now, 100ms))))
            return false;
    return true;
}

} // namespace

int RunCommand::run(const QStringList& arguments) const {
    auto parsed = parseRunArguments(arguments);
    if (const auto* help = std::get_if<RunHelp>(&parsed)) {
        std::cout << help->text.toStdString();
        return 0;
    }
    if (const auto* error = std::get_if<std::string>(&parsed)) {
        std::cerr << "stampede run: " << *error << "\nTry 'stampede run --help'.\n";
        return 2;
    }
    const RunArguments args = std::get<RunArguments>(std::move(parsed));
    if (!args.reportDirectory.isEmpty())
        if (const auto error = checkReportDirectory(args.reportDirectory)) {
            std::cerr << "stampede run: --report-dir: " << *error << '\n';
            return 2;
        }
    for (const auto& [flag, path] :
         {std::pair{"--out", args.resultFile}, std::pair{"--junit", args.junitFile}})
        if (!path.isEmpty())
            if (const auto error = checkWritableFile(path)) {
                std::cerr << "stampede run: " << flag << ": " << *error << '\n';
                return 2;
            }

    // No URL: the zero-set-up demo against the embedded target, in this process.
    std::optional<TargetServer> target;
    std::string url = args.plan.url;
    if (url.empty()) {
        target.emplace();
        url = target->url();
        if (!args.json)
            std::cerr << "No --url: testing the embedded target at " << url << '\n';
    }

    std::optional<RequestLog> requestLog;
    if (args.logRequests) {
        std::string error;
        if (!requestLog.emplace().open(args.reportDirectory, &error)) {
            std::cerr << "stampede run: " << error << '\n';
            return 1;
        }
    }

    const RunShare shard = args.shard.share;
    if (!shard.whole() && !args.json)
        std::cerr << "Shard " << shard.index + 1 << " of " << shard.count << " ("
                  << args.shard.source << ")\n";
    // A day ahead is a typo far more often than a plan: say so rather than wait for it.
    if (args.startAt && *args.startAt - std::chrono::system_clock::now() > std::chrono::hours(24)) {
        std::cerr << "stampede run: --start-at " << utcText(*args.startAt).toStdString()
                  << " is more than a day ahead; a shard waits at most 24 hours\n";
        return 2;
    }
    if (args.startAt && !waitUntil(*args.startAt, termination_, args.json)) {
        std::cerr << "Stopped before --start-at: nothing was sent.\n";
        return 1;
    }

    LoadEngine engine;
    auto sink = std::make_shared<CliRunSink>(requestLog ? &*requestLog : nullptr);
    if (const auto error = engine.start(args.plan, url, sink, shard)) {
        std::cerr << "stampede run: " << *error << '\n';
        return 1;
    }
    watch(engine, *sink, termination_, !args.json && isatty(STDERR_FILENO));
    RunReport report = sink->report().value();
    // The plan of the whole run, with this part's place in it: what a merge checks.
    report.plan = args.plan;
    if (!shard.whole()) {
        report.shardCount = shard.count;
        report.shards = {shard.index + 1};
    }

    // Reports first, then output: a failure to write is said, but the results still print.
    bool writeFailed = false;
    if (requestLog)
        if (const auto error = requestLog->commit()) {
            std::cerr << "stampede run: " << *error << '\n';
            writeFailed = true;
        }
    if (!args.reportDirectory.isEmpty())
        if (const auto error = writeReport(report, args.reportDirectory)) {
            std::cerr << "stampede run: " << *error << '\n';
            writeFailed = true;
        }
    if (!args.resultFile.isEmpty())
        if (const auto error = ResultFile::writeFile(report, args.resultFile)) {
            std::cerr << "stampede run: " << *error << '\n';
            writeFailed = true;
        }

    std::vector<ThresholdResult> verdicts;
    for (const Threshold& threshold : args.thresholds)
        verdicts.push_back(threshold.evaluate(report));
    const bool breached =
        std::any_of(verdicts.begin(), verdicts.end(), [](const auto& v) { return !v.passed; });

    if (!args.junitFile.isEmpty()) {
        std::vector<JUnitCase> cases;
        for (std::size_t i = 0; i < verdicts.size(); ++i)
            cases.push_back({args.thresholds[i].text(), verdicts[i].passed, verdicts[i].text});
        if (const auto error =
                writeJUnit(args.junitFile, "stampede run", cases, report.final.seconds())) {
            std::cerr << "stampede run: " << *error << '\n';
            writeFailed = true;
        }
    }

    if (args.json) {
        std::cout << runJson(report, verdicts).toStdString();
    } else {
        std::cout << summaryText(report);
        if (!verdicts.empty())
            std::cout << "\n  Thresholds\n";
        for (const ThresholdResult& verdict : verdicts)
            std::cout << "  " << verdict.text << '\n';
        if (!args.reportDirectory.isEmpty() && !writeFailed)
            std::cout << "\n  Reports in " << args.reportDirectory.toStdString() << '\n';
    }
    std::cout << std::flush;
    if (writeFailed)
        return 1;
    return breached ? 3 : 0;
}

} // namespace stampede
