// How responsive the window stays during a full-speed load test: the real window, the real
// engine and embedded target, 256 users for 20 s, with the Threads & CPU dock sampling
// beside. A probe timer that should fire every 10 ms records how late it comes (event-loop
// lag); each snapshot's handling on the GUI thread is timed too. Prints p50/p99/max; the
// target is p99 lag < 16 ms, max < 50 ms.
#include "app/gui/ThreadMonitorController.h"
#include "core/engine/LoadEngine.h"
#include "core/engine/QueuedRunSink.h"
#include "core/server/TargetServer.h"
#include "core/sys/ThreadName.h"
#include "ui/loadtest/LoadTestPage.h"
#include "ui/shell/MainWindow.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QTabWidget>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <string_view>
#include <vector>

using namespace stampede;
using namespace std::chrono_literals;

namespace {

struct Figures {
    double p50 = 0, p99 = 0, max = 0;
};

Figures figures(std::vector<double> values) {
    if (values.empty())
        return {};
    std::sort(values.begin(), values.end());
    const auto at = [&](double q) { return values[std::size_t(q * double(values.size() - 1))]; };
    return {at(0.50), at(0.99), values.back()};
}

} // namespace

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    setCurrentThreadName("gui");
    const int seconds = argc > 1 ? std::max(1, atoi(argv[1])) : 20;
    const int users = argc > 2 ? std::max(1, atoi(argv[2])) : 256;
    // As the window runs them (behind), or at the GUI thread's own level, to compare.
    const bool normal = argc > 3 && std::string_view(argv[3]) == "normal";
    const ThreadPriority priority =
        normal ? ThreadPriority::Normal : ThreadPriority::BehindTheWindow;

    TargetServer target(TargetServerOptions{.priority = priority});
    MainWindow window;
    window.setTargetUrl(QString::fromStdString(target.url()));
    window.resize(1400, 860);
    window.show();
    LoadTestPage* page = window.loadTestPage();
    ThreadMonitorController monitor(window.threadMonitor()); // the dock samples /proc too

    std::vector<double> handlingMs;
    std::vector<double> lagMs;
    bool ended = false;
    auto sink = std::make_shared<QueuedRunSink>(
        &window,
        [&](const RunSnapshot& snapshot) {
            QElapsedTimer clock;
            clock.start();
            page->showSnapshot(snapshot);
            handlingMs.push_back(double(clock.nsecsElapsed()) / 1e6);
        },
        [&](const RunReport& report) {
            page->runEnded(report);
            ended = true;
            std::printf("run: %llu requests in %.1f s, %.0f req/s, %llu errors\n",
                        static_cast<unsigned long long>(report.final.requests),
                        report.final.seconds(), report.final.rps(),
                        static_cast<unsigned long long>(report.final.errors));
            QApplication::quit();
        });

    Plan plan;
    plan.load.users = users;
    plan.duration = std::chrono::seconds(seconds);
    LoadEngine engine(priority);
    page->runStarted();
    if (const auto error = engine.start(plan, target.url(), sink)) {
        std::fprintf(stderr, "cannot start: %s\n", error->c_str());
        return 1;
    }

    // Half the run on each chart tab, so both sets of charts are drawn while data pours in.
    auto* tabs = page->findChild<QTabWidget*>("resultTabs");
    QTimer::singleShot(seconds * 500, &window, [tabs] { tabs->setCurrentIndex(1); });

    constexpr int kProbeMs = 10;
    QElapsedTimer since;
    since.start();
    QTimer probe;
    probe.setTimerType(Qt::PreciseTimer);
    QObject::connect(&probe, &QTimer::timeout, [&] {
        const double elapsed = double(since.nsecsElapsed()) / 1e6;
        since.restart();
        lagMs.push_back(std::max(0.0, elapsed - kProbeMs));
    });
    probe.start(kProbeMs);
    QTimer::singleShot((seconds + 30) * 1000, &app, [&] { engine.requestStop(); });
    QApplication::exec();
    engine.stop();

    const Figures lag = figures(lagMs);
    const Figures handling = figures(handlingMs);
    std::printf("platform: %s, %d users, %d s, engine-io and target-io %s\n",
                qPrintable(QApplication::platformName()), users, seconds,
                normal ? "at the GUI's priority" : "behind the window");
    std::printf("event-loop lag over %zu probes: p50 %.2f ms, p99 %.2f ms, max %.2f ms "
                "(target p99 < 16, max < 50)\n",
                lagMs.size(), lag.p50, lag.p99, lag.max);
    std::printf("snapshot handling over %zu snapshots: p50 %.2f ms, p99 %.2f ms, max %.2f ms\n",
                handlingMs.size(), handling.p50, handling.p99, handling.max);
    return ended ? 0 : 1;
}
