// The deadlock, semaphore and requests pages driven as a person would: Start, watch the
// results arrive from real threads (and the real engine and target), Reset clears.
#include "app/gui/lab/DeadlockDemoController.h"
#include "app/gui/lab/RequestsDemoController.h"
#include "app/gui/lab/SemaphoreDemoController.h"
#include "core/server/TargetServer.h"
#include "ui/lab/ActiveCountChart.h"
#include "ui/lab/GanttChart.h"
#include "ui/lab/deadlock/DeadlockPage.h"
#include "ui/lab/deadlock/WaitForGraphView.h"
#include "ui/lab/requests/RequestsPage.h"
#include "ui/lab/semaphore/SemaphorePage.h"

#include <QElapsedTimer>
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
        page.threadsBox()->setValue(4);
        QTest::mouseClick(page.startButton(), Qt::LeftButton);
        QVERIFY(controller.running());
        QVERIFY(!page.startButton()->isEnabled());
        QVERIFY(page.stopButton()->isEnabled());

        QTRY_VERIFY_WITH_TIMEOUT(!controller.running(), 30000);
        QVERIFY(page.startButton()->isEnabled());
        QCOMPARE(page.graphView()->threadCount(), 4);
        QCOMPARE(page.graphView()->cycleEdges(), 8);
        const QString verdict = page.verdictLabel()->text();
        QVERIFY2(verdict.contains("Deadlock") && verdict.contains("T1 → L2 → T2"),
                 qPrintable(verdict));
        QCOMPARE(page.fixTable()->rowCount(), 3);
        for (int row = 0; row < 3; ++row) {
            QCOMPARE(page.fixTable()->item(row, 1)->text(), QString("yes"));
            QCOMPARE(page.fixTable()->item(row, 3)->text(), QString::number(4 * 20));
        }
        QTemporaryDir dir;
        const QString png = dir.filePath("graph.png");
        QVERIFY(page.graphView()->exportPng(png));
        QVERIFY(QFileInfo(png).size() > 1000);

        QTest::mouseClick(page.resetButton(), Qt::LeftButton);
        QCOMPARE(page.fixTable()->rowCount(), 0);
        QCOMPARE(page.graphView()->threadCount(), 0);
    }

    void resetWhileDeadlockedEndsEveryThreadAndClears() {
        DeadlockPage page;
        DeadlockDemoController controller(&page);
        QTest::mouseClick(page.startButton(), Qt::LeftButton);
        QTest::qWait(120);
        QTest::mouseClick(page.resetButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!controller.running(), 3000);
        QVERIFY(page.startButton()->isEnabled());
        QCOMPARE(page.fixTable()->rowCount(), 0);
        QCOMPARE(page.graphView()->threadCount(), 0);
    }

    void semaphorePageNeverShowsMoreThanTheLimit() {
        SemaphorePage page;
        SemaphoreDemoController controller(&page);
        page.show();
        page.jobsBox()->setValue(8);
        page.limitBox()->setValue(2);
        page.jobMsBox()->setValue(60);
        QTest::mouseClick(page.startButton(), Qt::LeftButton);
        QVERIFY(controller.running());
        QTRY_VERIFY_WITH_TIMEOUT(!controller.running(), 30000);

        QCOMPARE(page.gantt()->rowCount(), 8);
        QCOMPARE(page.gantt()->runBars()->data()->size(), 8 * 3); // from, to, break per bar
        const QString summary = page.summaryLabel()->text();
        QVERIFY2(summary.contains("8 of 8 jobs done") &&
                     summary.contains("most running at once 2 (limit 2)"),
                 qPrintable(summary));
        double most = 0;
        for (const auto& point : *page.activeChart()->activeLine()->data())
            most = std::max(most, point.value);
        QCOMPARE(most, 2.0);
        QCOMPARE(page.activeChart()->limitLine()->data()->begin()->value, 2.0);

        QTest::mouseClick(page.resetButton(), Qt::LeftButton);
        QCOMPARE(page.gantt()->rowCount(), 0);
        QVERIFY(page.activeChart()->activeLine()->data()->isEmpty());
    }

    void requestsPageComparesBothWays() {
        TargetServer target;
        RequestsPage page;
        RequestsDemoController controller(&page, target.url());
        page.show();
        page.requestsBox()->setValue(5);
        page.delayBox()->setValue(100);
        QTest::mouseClick(page.startButton(), Qt::LeftButton);
        QVERIFY(controller.running());
        QTRY_VERIFY_WITH_TIMEOUT(!controller.running(), 30000);

        QCOMPARE(page.sequentialChart()->rowCount(), 5);
        QCOMPARE(page.concurrentChart()->rowCount(), 5);
        // Both charts on one scale: the longer, sequential run sets it.
        QCOMPARE(page.sequentialChart()->plot()->xAxis->range().upper,
                 page.concurrentChart()->plot()->xAxis->range().upper);
        QVERIFY2(page.totalsLabel()->text().contains("faster"),
                 qPrintable(page.totalsLabel()->text()));
        QCOMPARE(target.stats().count(Endpoint::Delay, 200), 10u);

        QTest::mouseClick(page.resetButton(), Qt::LeftButton);
        QCOMPARE(page.sequentialChart()->rowCount(), 0);
        QCOMPARE(page.concurrentChart()->rowCount(), 0);
    }

    void closingDuringARunReturnsPromptly() {
        TargetServer target;
        RequestsPage requestsPage;
        SemaphorePage semaphorePage;
        auto requests = std::make_unique<RequestsDemoController>(&requestsPage, target.url());
        auto semaphore = std::make_unique<SemaphoreDemoController>(&semaphorePage);
        requestsPage.delayBox()->setValue(2000);
        semaphorePage.jobMsBox()->setValue(5000);
        QTest::mouseClick(requestsPage.startButton(), Qt::LeftButton);
        QTest::mouseClick(semaphorePage.startButton(), Qt::LeftButton);
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
