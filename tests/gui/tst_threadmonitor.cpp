// The Threads & CPU dock and presentation mode in the real window, offscreen, fed by real
// samples of this test process.
#include "app/gui/ThreadMonitorController.h"
#include "core/sys/ThreadName.h"
#include "ui/lab/ConcurrencyLab.h"
#include "ui/monitor/CoreLoadChart.h"
#include "ui/monitor/ThreadMonitorView.h"
#include "ui/monitor/ThreadTable.h"
#include "ui/monitor/ThreadTimelineChart.h"
#include "ui/shell/MainWindow.h"

#include <QAction>
#include <QDockWidget>
#include <QFile>
#include <QLabel>
#include <QRegularExpression>
#include <QTabWidget>
#include <QTest>
#include <qcustomplot.h>

using namespace stampede;

namespace {

int coresInProcStat() {
    QFile file(QStringLiteral("/proc/stat"));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    return int(QString::fromLatin1(file.readAll())
                   .count(QRegularExpression(QStringLiteral("^cpu\\d+ "),
                                             QRegularExpression::MultilineOption)));
}

// Two real periods, so every rate has been computed at least twice.
void feed(ThreadMonitorController& controller) {
    for (int i = 0; i < 2; ++i) {
        QTest::qWait(150);
        controller.sampleNow();
    }
}

} // namespace

class TestThreadMonitor : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        setCurrentThreadName("gui"); // as the program names its main thread
    }

    void dockShowsThreadsCoresAndTimeline() {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto* dock = window.findChild<QDockWidget*>("threadMonitorDock");
        QVERIFY(dock);
        QVERIFY(dock->isVisible());
        QCOMPARE(dock->widget(), window.threadMonitor());

        ThreadMonitorController controller(window.threadMonitor());
        feed(controller);
        ThreadMonitorView* view = window.threadMonitor();
        const auto* table = view->findChild<ThreadTable*>("threadTable");
        auto* cores = view->findChild<CoreLoadChart*>("coreLoadChart");
        auto* timeline = view->findChild<ThreadTimelineChart*>("threadTimeline");
        auto* summary = view->findChild<QLabel*>("processSummary");
        QVERIFY(table && cores && timeline && summary);
        QVERIFY(table->rowCount() >= 1);
        QList<QTableWidgetItem*> gui = table->findItems("gui", Qt::MatchExactly);
        QCOMPARE(gui.size(), 1);
        QCOMPARE(gui.front()->column(), int(ThreadTable::Name));
        const int row = gui.front()->row();
        // The main thread's id is the process id.
        QVERIFY(table->item(row, ThreadTable::Name)
                    ->toolTip()
                    .contains(QString::number(qApp->applicationPid())));
        QVERIFY(!table->item(row, ThreadTable::State)->text().isEmpty());
        bool isNumber = false;
        QVERIFY(table->item(row, ThreadTable::Cpu)->text().toDouble(&isNumber) >= 0);
        QVERIFY(isNumber);

        QCOMPARE(cores->coreCount(), coresInProcStat());
        QCOMPARE(cores->plot()->graph(0)->dataCount(), 2);
        QCOMPARE(timeline->laneCount(), table->rowCount());
        QVERIFY(summary->text().contains("MiB"));

        // The View menu hides and shows it.
        QAction* toggle = window.findChild<QAction*>("actionThreadMonitor");
        QVERIFY(toggle);
        toggle->trigger();
        QVERIFY(!dock->isVisible());
        toggle->trigger();
        QVERIFY(dock->isVisible());
    }

    void presentationModeEnlargesAndRestoresExactly() {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        ThreadMonitorController controller(window.threadMonitor());
        feed(controller);
        auto* chart = window.threadMonitor()->findChild<CoreLoadChart*>("coreLoadChart");
        QVERIFY(chart);
        QCustomPlot* plot = chart->plot();
        const QFont tickFont = plot->xAxis->tickLabelFont();
        const QFont labelFont = plot->yAxis->labelFont();
        const QPen pen = plot->graph(0)->pen();
        const double windowPoints = window.font().pointSizeF();

        QTest::keyClick(&window, Qt::Key_P, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(window.findChild<QAction*>("actionPresentationMode")->isChecked());
        QVERIFY(chart->presentationMode());
        QCOMPARE(plot->xAxis->tickLabelFont().pointSizeF(), tickFont.pointSizeF() * 1.5);
        QCOMPARE(plot->yAxis->labelFont().pointSizeF(), labelFont.pointSizeF() * 1.5);
        QCOMPARE(plot->graph(0)->pen().widthF(), pen.widthF() * 1.5);
        QCOMPARE(window.font().pointSizeF(), windowPoints * 1.5);
        // Every chart in the window, not only the dock's.
        for (LiveChart* any : window.findChildren<LiveChart*>())
            QVERIFY2(any->presentationMode(), qPrintable(any->title()));

        // A chart added while presenting follows once shown, and so do lines it adds later.
        auto* later = new CoreLoadChart;
        const QFont laterNormal = later->plot()->xAxis->tickLabelFont();
        window.concurrencyLab()->addDemo("later", later);
        window.concurrencyLab()->showDemo(window.concurrencyLab()->demoCount() - 1);
        window.findChild<QTabWidget*>("workspaces")->setCurrentWidget(window.concurrencyLab());
        QTRY_VERIFY(later->isVisible());
        QVERIFY(later->presentationMode());
        QCOMPARE(later->plot()->xAxis->tickLabelFont().pointSizeF(),
                 laterNormal.pointSizeF() * 1.5);
        later->appendSample(1.0, {10.0, 20.0});
        QCOMPARE(later->plot()->graph(1)->pen().widthF(), pen.widthF() * 1.5);

        QTest::keyClick(&window, Qt::Key_P, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(!chart->presentationMode());
        QCOMPARE(plot->xAxis->tickLabelFont(), tickFont);
        QCOMPARE(plot->yAxis->labelFont(), labelFont);
        QCOMPARE(plot->graph(0)->pen(), pen);
        QCOMPARE(window.font().pointSizeF(), windowPoints);
        QCOMPARE(later->plot()->xAxis->tickLabelFont(), laterNormal);
        QCOMPARE(later->plot()->graph(1)->pen().widthF(), pen.widthF());
    }
};

QTEST_MAIN(TestThreadMonitor)
#include "tst_threadmonitor.moc"
