#include "app/gui/GuiCommand.h"

#include "app/cli/ApplicationInfo.h"
#include "app/gui/ExportController.h"
#include "app/gui/LoadTestController.h"
#include "app/gui/PlanFileController.h"
#include "app/gui/ThreadMonitorController.h"
#include "app/gui/WorkspaceSettings.h"
#include "app/gui/lab/DeadlockDemoController.h"
#include "app/gui/lab/PiDemoController.h"
#include "app/gui/lab/RaceDemoController.h"
#include "app/gui/lab/RequestsDemoController.h"
#include "app/gui/lab/SemaphoreDemoController.h"
#include "core/lab/pi/PiSweep.h"
#include "core/server/TargetServer.h"
#include "core/sys/ThreadName.h"
#include "ui/lab/ConcurrencyLab.h"
#include "ui/lab/deadlock/DeadlockPage.h"
#include "ui/lab/pi/PiPage.h"
#include "ui/lab/race/RacePage.h"
#include "ui/lab/requests/RequestsPage.h"
#include "ui/lab/semaphore/SemaphorePage.h"
#include "ui/loadtest/LoadTestPage.h"
#include "ui/shell/MainWindow.h"
#include "ui/shell/TargetPanel.h"

#include <QApplication>
#include <QIcon>
#include <QMessageBox>
#include <QTimer>

#include <optional>

namespace stampede {

int runGui(int& argc, char** argv) {
    QApplication app(argc, argv);
    describeApplication();
    QApplication::setDesktopFileName(QStringLiteral("stampede"));
    setCurrentThreadName("gui");

    std::optional<TargetServer> target;
    try {
        target.emplace();
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
    new ExportController(&window, runs, &window);
    WorkspaceSettings::restore(window);
    new ThreadMonitorController(window.threadMonitor(), &window);
    auto* piPage = new PiPage(PiSweep::hardwareCores());
    window.concurrencyLab()->addDemo(QObject::tr("Monte Carlo π"), piPage);
    new PiDemoController(piPage, &window);
    auto* racePage = new RacePage(PiSweep::hardwareCores());
    window.concurrencyLab()->addDemo(QObject::tr("Race conditions"), racePage);
    new RaceDemoController(racePage, &window);
    auto* deadlockPage = new DeadlockPage;
    window.concurrencyLab()->addDemo(QObject::tr("Deadlock"), deadlockPage);
    new DeadlockDemoController(deadlockPage, &window);
    auto* semaphorePage = new SemaphorePage;
    window.concurrencyLab()->addDemo(QObject::tr("Semaphore: thread limiter"), semaphorePage);
    new SemaphoreDemoController(semaphorePage, &window);
    auto* requestsPage = new RequestsPage;
    window.concurrencyLab()->addDemo(QObject::tr("Sequential vs concurrent requests"),
                                     requestsPage);
    new RequestsDemoController(requestsPage, target->url(), &window);

    // The counters are lock-free atomics, so reading them twice a second costs the GUI
    // thread microseconds and never waits on target-io.
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &window,
                     [&] { window.targetPanel()->showStats(target->stats()); });
    poll.start(500);

    window.show();
    const int status = QApplication::exec();
    poll.stop();
    WorkspaceSettings::save(window);
    return status;
}

} // namespace stampede
