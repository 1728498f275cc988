#include "app/gui/GuiCommand.h"

#include "app/cli/ApplicationInfo.h"
#include "app/gui/ExportController.h"
#include "app/gui/HistoryController.h"
#include "app/gui/LoadTestController.h"
#include "app/gui/PlanFileController.h"
#include "app/gui/TargetController.h"
#include "app/gui/ThreadMonitorController.h"
#include "app/gui/WorkspaceSettings.h"
#include "app/gui/lab/LabControllers.h"
#include "core/server/TargetServer.h"
#include "core/sys/ThreadName.h"
#include "ui/lab/ConcurrencyLab.h"
#include "ui/loadtest/LoadTestPage.h"
#include "ui/shell/MainWindow.h"
#include "ui/shell/TargetPanel.h"

#include <QApplication>
#include <QIcon>
#include <QMessageBox>
#include <QStandardPaths>

#include <optional>

namespace stampede {

int runGui(int& argc, char** argv) {
    QApplication app(argc, argv);
    describeApplication();
    QApplication::setDesktopFileName(QStringLiteral("stampede"));
    setCurrentThreadName("gui");

    std::optional<TargetServer> target;
    try {
        // Its thread, like the engine's, yields to the window's: a saturated run in the
        // same process never delays a frame.
        target.emplace(TargetServerOptions{.priority = ThreadPriority::BehindTheWindow});
    } catch (const std::exception& e) {
        QMessageBox::critical(nullptr, QObject::tr("Stampede"),
                              QObject::tr("The embedded target server could not start:\n%1")
                                  .arg(QString::fromStdString(e.what())));
        return 1;
    }

    MainWindow window;
    window.setTargetUrl(QString::fromStdString(target->url()));
    QApplication::setWindowIcon(window.windowIcon());
    // A child of the window: it stops any run before the window and the target go away.
    auto* runs = new LoadTestController(window.loadTestPage(), target->url(), &window);
    QObject::connect(runs, &LoadTestController::problem, &window, &MainWindow::showProblem);
    new PlanFileController(&window, window.loadTestPage()->form(), &window);
    auto* exporter = new ExportController(&window, runs, &window);
    auto* history = new HistoryController(
        &window, runs,
        QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/runs"),
        &window);
    QObject::connect(history, &HistoryController::reportShown, exporter,
                     &ExportController::showingReport);
    WorkspaceSettings::restore(window);
    new ThreadMonitorController(window.threadMonitor(), &window);
    addLabDemos(*window.concurrencyLab(), target->url(), &window);

    new TargetController(
        target, window.targetPanel(), [runs] { return runs->running(); }, &window);

    window.show();
    const int status = QApplication::exec();
    WorkspaceSettings::save(window);
    return status;
}

} // namespace stampede
