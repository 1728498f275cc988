#include "GuiCommand.h"

#include "ApplicationInfo.h"
#include "LoadTestController.h"
#include "MainWindow.h"
#include "TargetPanel.h"
#include "sys/ThreadName.h"
#include "target/TargetServer.h"

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
    new LoadTestController(window.loadTestPage(), target->url(), &window);

    // The counters are lock-free atomics, so reading them twice a second costs the GUI
    // thread microseconds and never waits on target-io.
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &window,
                     [&] { window.targetPanel()->showStats(target->stats()); });
    poll.start(500);

    window.show();
    const int status = QApplication::exec();
    poll.stop();
    return status;
}

} // namespace stampede
