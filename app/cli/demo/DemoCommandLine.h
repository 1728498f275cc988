#pragma once

#include "app/cli/TerminationSignals.h"
#include "app/cli/demo/IntegerOptions.h"
#include "core/lab/LabDemo.h"
#include "core/report/ReportDirectory.h"
#include "core/trace/Trace.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QJsonObject>

#include <chrono>
#include <iostream>
#include <optional>
#include <string>

namespace stampede {

// The shape every `stampede demo NAME` shares, written once: a parser that knows "demo" and
// NAME, --help, --json and --trace FILE; every complaint as "stampede demo NAME: …" with exit
// 2; the demo run to its end, Ctrl+C or SIGTERM asking it to stop; its summary printed as text
// or JSON, and its trace (demoTrace beside the demo in core) written for Perfetto. Each
// demo's command only declares its options and reads them into the demo's Options.
class DemoCommandLine {
public:
    DemoCommandLine(std::string name, const QString& description);

    void addOptions(const QList<QCommandLineOption>& options);
    // Nothing when the options are read to run; else the exit code, with the help (0) or the
    // reason (2) printed.
    std::optional<int> parse(const QStringList& arguments);

    const QCommandLineParser& parser() const { return parser_; }
    const IntegerOptions& numbers() const { return numbers_; }
    // Prints "stampede demo NAME: <problem>" and returns 2, the exit code for bad arguments.
    int badArguments(const std::string& problem) const;
    // Prints "stampede demo NAME: <problem>" and returns 1, the exit code for could not run.
    int couldNotRun(const std::string& problem) const;

    // Runs the demo to its end and prints its summary (summaryText / summaryJson beside the
    // demo in core). 0 when it succeeded, 1 when it was stopped or did not succeed.
    template <LabDemo Demo>
    int run(const typename Demo::Options& options, const TerminationSignals& termination) const;

private:
    void print(const QJsonObject& json, const std::string& text) const;

    const std::string name_;
    QCommandLineParser parser_;
    const QCommandLineOption json_;
    const QCommandLineOption trace_;
    const IntegerOptions numbers_;
};

template <LabDemo Demo>
int DemoCommandLine::run(const typename Demo::Options& options,
                         const TerminationSignals& termination) const {
    using namespace std::chrono_literals;
    const QString tracePath = parser_.value(trace_);
    if (!tracePath.isEmpty())
        if (const auto unwritable = checkWritableFile(tracePath))
            return badArguments(*unwritable);
    Demo demo(options);
    demo.start();
    bool interrupted = false;
    while (!demo.wait(100ms))
        if (!interrupted && termination.wait(0ms)) {
            std::cerr << "Stopping: the results so far follow.\n";
            demo.requestStop();
            interrupted = true;
        }
    const auto progress = demo.progress();
    if constexpr (requires { progress.failed(); })
        if (progress.failed())
            return couldNotRun(progress.failure);
    print(summaryJson(options, progress), summaryText(options, progress));
    if (!tracePath.isEmpty())
        if (const auto error = writeTrace(demoTrace(options, progress), tracePath))
            return couldNotRun(*error);
    return !interrupted && succeeded(options, progress) ? 0 : 1;
}

} // namespace stampede
