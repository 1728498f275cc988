#include "app/cli/demo/StepperDemoCommand.h"

#include "app/cli/demo/DemoCommandLine.h"
#include "core/lab/stepper/StepperSummary.h"
#include "core/lab/stepper/StepperTrace.h"

namespace stampede {

int runStepperDemo(const QStringList& arguments, const TerminationSignals& termination) {
    QString programs;
    for (const StepProgram& p : stepPrograms())
        programs += QStringLiteral("%1%2 (%3)")
                        .arg(programs.isEmpty() ? "" : ", ", QString::fromStdString(p.name),
                             QString::fromStdString(p.title));
    DemoCommandLine command(
        "stepper",
        QStringLiteral("Stepping a race by hand: threads each run read counter, add 1, write "
                       "counter (or take two locks). Every schedule is enumerated with how it "
                       "ends, and one is replayed step by step on real threads."));
    const QCommandLineOption program(QStringLiteral("program"),
                                     QStringLiteral("One of: %1. Default race.").arg(programs),
                                     QStringLiteral("NAME"));
    const QCommandLineOption schedule(
        QStringLiteral("schedule"),
        QStringLiteral("The threads in step order, e.g. \"1 2 1 2 1 2\" or \"T1,T2\" (default: "
                       "the first schedule that loses an update or deadlocks)."),
        QStringLiteral("THREADS"));
    command.addOptions({program, schedule});
    if (const auto done = command.parse(arguments))
        return *done;

    StepperOptions options;
    if (command.parser().isSet(program))
        options.program = command.parser().value(program).toStdString();
    if (const auto found = stepProgram(options.program);
        found && command.parser().isSet(schedule)) {
        options.schedule = parseSchedule(command.parser().value(schedule).toStdString(),
                                         int(found->threads.size()));
        if (!options.schedule)
            return command.badArguments(
                "--schedule: '" + command.parser().value(schedule).toStdString() +
                "' is not a list of threads 1 to " + std::to_string(found->threads.size()));
    }
    if (const auto problem = options.problem())
        return command.badArguments(*problem);
    return command.run<StepperDemo>(options, termination);
}

} // namespace stampede
