// stampede: HTTP load testing from a form, and concurrency made visible.
#include "app/cli/ApplicationInfo.h"
#include "app/cli/CompareCommand.h"
#include "app/cli/ImportCommand.h"
#include "app/cli/MergeCommand.h"
#include "app/cli/RunCommand.h"
#include "app/cli/ServeCommand.h"
#include "app/cli/TerminationSignals.h"
#include "app/cli/demo/DemoCommand.h"

#ifdef STAMPEDE_WITH_GUI
#include "app/gui/GuiCommand.h"
#include "app/gui/ReportCommand.h"
#endif

#include <QCommandLineParser>
#include <QCoreApplication>

#include <iostream>

namespace {

#ifdef STAMPEDE_WITH_GUI
bool hasDisplay() {
    return !qEnvironmentVariableIsEmpty("DISPLAY") ||
           !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY") ||
           !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM");
}
#endif

int printTopLevelHelp(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Stampede: HTTP load testing from a form, and concurrency made visible.\n\n"
        "With no command, opens the window (or, without a display, runs a short headless\n"
        "demo of the embedded target).\n\n"
        "Commands:\n"
        "  run      run a load test from the terminal (stampede run --help)\n"
        "  serve    run the embedded target server (stampede serve --help)\n"
        "  demo     run a Concurrency lab demo in the terminal (stampede demo --help)\n"
        "  import   turn a HAR file or curl commands into a plan file (stampede import --help)\n"
        "  compare  result files side by side, with gates for CI (stampede compare --help)\n"
        "  merge    the result files of a run's shards into one (stampede merge --help)\n"
        "  report   one HTML page of a result file, or of 2-4 compared (stampede report --help)"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(
        QStringLiteral("command"),
        QStringLiteral("run, serve, demo, import, compare, merge or report"),
        QStringLiteral("[command]"));
    parser.process(arguments); // prints help or version and exits, or complains
    return 0;
}

} // namespace

int main(int argc, char* argv[]) {
    const QString command = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QString();
    const bool wantsGui =
        command.isEmpty() || (command.startsWith('-') && command != "-h" && command != "--help" &&
                              command != "-v" && command != "--version");
#ifdef STAMPEDE_WITH_GUI
    if (wantsGui && hasDisplay())
        return stampede::runGui(argc, argv);
    // It draws with the window's charts, so it needs a QApplication, which it makes itself.
    if (command == "report")
        return stampede::runReportCommand(argc, argv);
#else
    if (command == "report") {
        std::cerr << "stampede report draws with the window's charts: it needs the full build "
                     "(this stampede was built with STAMPEDE_BUILD_GUI=OFF).\n";
        return 2;
    }
#endif

    // Block SIGINT/SIGTERM before any thread starts, so only the main thread receives them.
    const stampede::TerminationSignals termination;
    QCoreApplication app(argc, argv);
    stampede::describeApplication();
    const stampede::ServeCommand serve(termination);
    const stampede::RunCommand run(termination);
    const stampede::DemoCommand demo(termination);

    if (wantsGui) {
#ifdef STAMPEDE_WITH_GUI
        std::cout << "No display found (DISPLAY and WAYLAND_DISPLAY are unset): running a "
                     "5-second load test against the embedded target instead.\n"
#else
        std::cout << "This stampede was built without a window (STAMPEDE_BUILD_GUI=OFF): "
                     "running a 5-second load test against the embedded target instead.\n"
#endif
                  << std::flush;
        return run.run({app.arguments().value(0), "run", "--duration", "5"});
    }
    if (command == "run")
        return run.run(app.arguments());
    if (command == "serve")
        return serve.run(app.arguments());
    if (command == "demo")
        return demo.run(app.arguments());
    if (command == "import")
        return stampede::ImportCommand().run(app.arguments());
    if (command == "compare")
        return stampede::CompareCommand().run(app.arguments());
    if (command == "merge")
        return stampede::MergeCommand().run(app.arguments());
    if (command.startsWith('-'))
        return printTopLevelHelp(app.arguments());
    std::cerr << "stampede: unknown command '" << command.toStdString()
              << "'. Try 'stampede --help'.\n";
    return 2;
}
