// The deadlock, semaphore and requests pages driven as a person would: Start, watch the
// results arrive from real threads (and the real engine and target), Reset clears.
#include "app/gui/lab/FrozenController.h"
#include "app/gui/lab/LabControllers.h"
#include "core/server/TargetServer.h"
#include "tests/common/FindChild.h"
#include "tests/common/TraceCheck.h"
#include "ui/lab/ActiveCountChart.h"
#include "ui/lab/GanttChart.h"
#include "ui/lab/deadlock/DeadlockPage.h"
#include "ui/lab/deadlock/WaitForGraphView.h"
#include "ui/lab/frozen/FrozenPage.h"
#include "ui/lab/frozen/HeartbeatView.h"
#include "ui/lab/requests/RequestsPage.h"
#include "ui/lab/semaphore/SemaphorePage.h"
#include "ui/lab/servers/ServersPage.h"
#include "ui/loadtest/compare/CompareView.h"
#include "ui/loadtest/compare/ComparisonTable.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <qcustomplot.h>

using namespace stampede;

class TestSyncDemoPages : public QObject {
    Q_OBJECT
private slots:
    void deadlockPageFindsTheCycleAndResets() {
        DeadlockPage page;
        DeadlockDemoController controller(&page);
        page.show();
        child<QSpinBox>(page, "threads")->setValue(4);
        QTest::mouseClick(child<QPushButton>(page, "start"), Qt::LeftButton);
        QVERIFY(controller.running());
        QVERIFY(!child<QPushButton>(page, "start")->isEnabled());
        QVERIFY(child<QPushButton>(page, "stop")->isEnabled());

        QTRY_VERIFY_WITH_TIMEOUT(!controller.running(), 30000);
        QVERIFY(child<QPushButton>(page, "start")->isEnabled());
        QCOMPARE(child<WaitForGraphView>(page, "waitForGraph")->threadCount(), 4);
        QCOMPARE(child<WaitForGraphView>(page, "waitForGraph")->cycleEdges(), 8);
        const QString verdict = child<QLabel>(page, "verdict")->text();
        QVERIFY2(verdict.contains("Deadlock") && verdict.contains("T1 → L2 → T2"),
                 qPrintable(verdict));
        QCOMPARE(child<QTableWidget>(page, "fixTable")->rowCount(), 3);
        for (int row = 0; row < 3; ++row) {
            QCOMPARE(child<QTableWidget>(page, "fixTable")->item(row, 1)->text(), QString("yes"));
            QCOMPARE(child<QTableWidget>(page, "fixTable")->item(row, 3)->text(),
                     QString::number(4 * 20));
        }
        QTemporaryDir dir;
        const QString png = dir.filePath("graph.png");
        QVERIFY(child<WaitForGraphView>(page, "waitForGraph")->exportPng(png));
        QVERIFY(QFileInfo(png).size() > 1000);

        QTest::mouseClick(child<QPushButton>(page, "reset"), Qt::LeftButton);
        QCOMPARE(child<QTableWidget>(page, "fixTable")->rowCount(), 0);
        QCOMPARE(child<WaitForGraphView>(page, "waitForGraph")->threadCount(), 0);
    }

    void resetWhileDeadlockedEndsEveryThreadAndClears() {
        DeadlockPage page;
        DeadlockDemoController controller(&page);
        QTest::mouseClick(child<QPushButton>(page, "start"), Qt::LeftButton);
        QTest::qWait(120);
        QTest::mouseClick(child<QPushButton>(page, "reset"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!controller.running(), 3000);
        QTRY_VERIFY_WITH_TIMEOUT(controller.idle(), 3000);
        QVERIFY(child<QPushButton>(page, "start")->isEnabled());
        QCOMPARE(child<QTableWidget>(page, "fixTable")->rowCount(), 0);
        QCOMPARE(child<WaitForGraphView>(page, "waitForGraph")->threadCount(), 0);
    }

    void semaphorePageNeverShowsMoreThanTheLimit() {
        SemaphorePage page;
        SemaphoreDemoController controller(&page);
        page.show();
        child<QSpinBox>(page, "jobs")->setValue(8);
        child<QSpinBox>(page, "limit")->setValue(2);
        child<QSpinBox>(page, "jobMs")->setValue(60);
        QTest::mouseClick(child<QPushButton>(page, "start"), Qt::LeftButton);
        QVERIFY(controller.running());
        QTRY_VERIFY_WITH_TIMEOUT(!controller.running(), 30000);

        QCOMPARE(child<GanttChart>(page, "gantt")->rowCount(), 8);
        QCOMPARE(child<GanttChart>(page, "gantt")->runBars()->data()->size(),
                 8 * 3); // from, to, break per bar
        const QString summary = child<QLabel>(page, "summary")->text();
        QVERIFY2(summary.contains("8 of 8 jobs done") &&
                     summary.contains("most running at once 2 (limit 2)"),
                 qPrintable(summary));
        double most = 0;
        for (const auto& point :
             *child<ActiveCountChart>(page, "activeChart")->activeLine()->data())
            most = std::max(most, point.value);
        QCOMPARE(most, 2.0);
        QCOMPARE(child<ActiveCountChart>(page, "activeChart")->limitLine()->data()->begin()->value,
                 2.0);
        QVERIFY(child<QPushButton>(page, "saveTrace")->isEnabled());
        QTemporaryDir dir;
        QVERIFY(!controller.latestTrace()->saveTo(dir.filePath("semaphore.json")));
        QFile saved(dir.filePath("semaphore.json"));
        QVERIFY(saved.open(QIODevice::ReadOnly));
        const ReadTrace trace = readTrace(saved.readAll());
        QVERIFY2(trace.problem.isEmpty(), qPrintable(trace.problem));
        QCOMPARE(trace.laneNames.size(), 8);
        QCOMPARE(trace.spansByCategory.value("work"), 8);
        QVERIFY(trace.counterNames.contains("running"));
        const auto unwritable = controller.latestTrace()->saveTo("/nonexistent/t.json");
        QVERIFY(unwritable && unwritable->find("/nonexistent/t.json") != std::string::npos);

        QTest::mouseClick(child<QPushButton>(page, "reset"), Qt::LeftButton);
        QCOMPARE(child<GanttChart>(page, "gantt")->rowCount(), 0);
        QVERIFY(child<ActiveCountChart>(page, "activeChart")->activeLine()->data()->isEmpty());
    }

    // The real GUI thread: blocking it for N × D stops the animation and shows as lag; the
    // engine thread does not.
    void theFrozenWindowFreezesOnlyWhenItsOwnThreadWaits() {
        TargetServer target;
        FrozenPage page;
        FrozenController controller(&page, target.url());
        page.show();
        child<QSpinBox>(page, "requests")->setValue(2);
        child<QSpinBox>(page, "delay")->setValue(300);
        QTRY_VERIFY(page.heartbeat()->frames() > 3); // the animation runs
        QTest::mouseClick(child<QPushButton>(page, "blockWindow"), Qt::LeftButton);
        QVERIFY(controller.busy());
        QTRY_VERIFY_WITH_TIMEOUT(!controller.busy(), 20000);
        const FrozenRun blocked = controller.runs().onTheLoop;
        QCOMPARE(blocked.answered, 2);
        QVERIFY2(blocked.maxLagMs >= 580, qPrintable(QString::number(blocked.maxLagMs)));
        QVERIFY2(child<QLabel>(page, "windowResult")->text().contains("frozen"),
                 qPrintable(child<QLabel>(page, "windowResult")->text()));
        QTest::mouseClick(child<QPushButton>(page, "useEngine"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!controller.busy(), 20000);
        const FrozenRun engine = controller.runs().onTheEngine;
        QCOMPARE(engine.answered, 2);
        QVERIFY2(engine.maxLagMs < blocked.maxLagMs / 2,
                 qPrintable(QString::number(engine.maxLagMs)));
        QVERIFY(child<QPushButton>(page, "saveTrace")->isEnabled());
        child<QSpinBox>(page, "requests")->setValue(50);
        QTest::mouseClick(child<QPushButton>(page, "blockWindow"), Qt::LeftButton);
        QVERIFY(!controller.busy()); // refused: 50 × 300 ms is over 5 s
        QVERIFY(child<QLabel>(page, "problem")->text().contains("at most 5000 ms"));
    }

    void serversPageShowsBothRunsSideBySide() {
        ServersPage page;
        ServersDemoController controller(&page);
        page.show();
        child<QSpinBox>(page, "workers")->setValue(2);
        child<QSpinBox>(page, "users")->setValue(6);
        child<QSpinBox>(page, "seconds")->setValue(1);
        QVERIFY(!page.compareView()->hasComparison());
        QTest::mouseClick(child<QPushButton>(page, "start"), Qt::LeftButton);
        QVERIFY(controller.running());
        QVERIFY(!child<QSpinBox>(page, "workers")->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(!controller.running(), 30000);
        QVERIFY(page.compareView()->hasComparison());
        const QString live = child<QLabel>(page, "live")->text();
        QVERIFY2(live.contains("sync:") && live.contains("async:"), qPrintable(live));
        QVERIFY(child<QLabel>(page, "law")->text().contains("at most 2 / 0.100 s = 20"));
        QVERIFY(page.compareView()->table()->rowCount() > 5);
        QVERIFY(child<QPushButton>(page, "saveTrace")->isEnabled());
        QTest::mouseClick(child<QPushButton>(page, "reset"), Qt::LeftButton);
        QVERIFY(!page.compareView()->hasComparison());
        QVERIFY(!child<QPushButton>(page, "saveTrace")->isEnabled());
    }

    void requestsPageComparesBothWays() {
        TargetServer target;
        RequestsPage page;
        RequestsDemoController controller(&page, target.url());
        page.show();
        child<QSpinBox>(page, "requests")->setValue(5);
        child<QSpinBox>(page, "delay")->setValue(100);
        QTest::mouseClick(child<QPushButton>(page, "start"), Qt::LeftButton);
        QVERIFY(controller.running());
        QTRY_VERIFY_WITH_TIMEOUT(!controller.running(), 30000);

        QCOMPARE(child<GanttChart>(page, "sequentialChart")->rowCount(), 5);
        QCOMPARE(child<GanttChart>(page, "concurrentChart")->rowCount(), 5);
        // Both charts on one scale: the longer, sequential run sets it.
        QCOMPARE(child<GanttChart>(page, "sequentialChart")->plot()->xAxis->range().upper,
                 child<GanttChart>(page, "concurrentChart")->plot()->xAxis->range().upper);
        QVERIFY2(child<QLabel>(page, "totals")->text().contains("faster"),
                 qPrintable(child<QLabel>(page, "totals")->text()));
        QCOMPARE(target.stats().count(Endpoint::Delay, 200), 10u);

        QTest::mouseClick(child<QPushButton>(page, "reset"), Qt::LeftButton);
        QCOMPARE(child<GanttChart>(page, "sequentialChart")->rowCount(), 0);
        QCOMPARE(child<GanttChart>(page, "concurrentChart")->rowCount(), 0);
    }

    void closingDuringARunReturnsPromptly() {
        TargetServer target;
        RequestsPage requestsPage;
        SemaphorePage semaphorePage;
        auto requests = std::make_unique<RequestsDemoController>(&requestsPage, target.url());
        auto semaphore = std::make_unique<SemaphoreDemoController>(&semaphorePage);
        child<QSpinBox>(requestsPage, "delay")->setValue(2000);
        child<QSpinBox>(semaphorePage, "jobMs")->setValue(5000);
        QTest::mouseClick(child<QPushButton>(requestsPage, "start"), Qt::LeftButton);
        QTest::mouseClick(child<QPushButton>(semaphorePage, "start"), Qt::LeftButton);
        QTest::qWait(200);
        QElapsedTimer closing;
        closing.start();
        requests.reset();
        semaphore.reset();
        QVERIFY2(closing.elapsed() < 2000, qPrintable(QString::number(closing.elapsed())));
    }
};

QTEST_MAIN(TestSyncDemoPages)
#include "tst_syncdemopages.moc"
