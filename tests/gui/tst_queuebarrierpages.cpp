// The producer/consumer and barrier pages driven as a person would: Start, change P, C and K
// while the queue runs and see the demo take them, Stop ends every wait, Reset clears, and
// closing the window during a run returns promptly.
#include "app/gui/lab/LabControllers.h"
#include "tests/common/FindChild.h"
#include "ui/lab/ActiveCountChart.h"
#include "ui/lab/GanttChart.h"
#include "ui/lab/barrier/BarrierPage.h"
#include "ui/lab/queue/QueuePage.h"
#include "ui/lab/queue/QueueRateChart.h"
#include "ui/lab/queue/QueueWaitChart.h"

#include <QElapsedTimer>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QTest>
#include <qcustomplot.h>

using namespace stampede;

namespace {

double highest(const QCPGraph* graph) {
    double most = 0;
    for (const auto& point : *graph->data())
        most = std::max(most, point.value);
    return most;
}

} // namespace

class TestQueueBarrierPages : public QObject {
    Q_OBJECT
private slots:
    void queuePageTakesNewSettingsWhileItRuns() {
        QueuePage page;
        QueueDemoController controller(&page);
        page.show();
        child<QSpinBox>(page, "producers")->setValue(2);
        child<QSpinBox>(page, "consumers")->setValue(1);
        child<QSpinBox>(page, "capacity")->setValue(2);
        child<QSpinBox>(page, "items")->setValue(150);
        child<QSpinBox>(page, "produceMs")->setValue(0);
        child<QSpinBox>(page, "consumeMs")->setValue(20);
        QTest::mouseClick(child<QPushButton>(page, "start"), Qt::LeftButton);
        QVERIFY(controller.running());
        // The total is fixed for a run; the rest stays open.
        QVERIFY(!child<QSpinBox>(page, "items")->isEnabled());
        for (const char* name : {"producers", "consumers", "capacity", "produceMs", "consumeMs"})
            QVERIFY2(child<QSpinBox>(page, name)->isEnabled(), name);

        // The producers have no work: they fill the queue to the new K at once.
        child<QSpinBox>(page, "capacity")->setValue(5);
        child<QSpinBox>(page, "consumers")->setValue(3);
        auto* depth = child<ActiveCountChart>(page, "depthChart");
        QTRY_VERIFY_WITH_TIMEOUT(highest(depth->activeLine()) == 5, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!controller.running(), 30000);

        QCOMPARE(highest(depth->limitLine()), 5.0);
        QCOMPARE(depth->limitLine()->data()->begin()->value, 2.0);
        QVERIFY(highest(child<QueueWaitChart>(page, "waitChart")->blockedLine()) >= 1);
        QVERIFY(!child<QueueRateChart>(page, "rateChart")->consumedLine()->data()->isEmpty());
        const QString summary = child<QLabel>(page, "summary")->text();
        QVERIFY2(summary.contains("150 of 150 items consumed") && summary.contains("deepest 5") &&
                     summary.contains("lost 0, taken twice 0"),
                 qPrintable(summary));
        QVERIFY(child<QSpinBox>(page, "items")->isEnabled());

        QTest::mouseClick(child<QPushButton>(page, "reset"), Qt::LeftButton);
        QVERIFY(depth->activeLine()->data()->isEmpty());
    }

    void queuePageStopEndsBlockedProducers() {
        QueuePage page;
        QueueDemoController controller(&page);
        page.show();
        child<QSpinBox>(page, "produceMs")->setValue(0);
        child<QSpinBox>(page, "consumeMs")->setValue(5000);
        QTest::mouseClick(child<QPushButton>(page, "start"), Qt::LeftButton);
        auto* waits = child<QueueWaitChart>(page, "waitChart");
        QTRY_VERIFY_WITH_TIMEOUT(highest(waits->blockedLine()) == 2, 10000);
        QTest::mouseClick(child<QPushButton>(page, "stop"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!controller.running(), 5000);
        QVERIFY2(child<QLabel>(page, "summary")->text().contains("(stopped)"),
                 qPrintable(child<QLabel>(page, "summary")->text()));
        QCOMPARE(waits->blockedLine()->data()->at(waits->blockedLine()->data()->size() - 1)->value,
                 0.0);
    }

    void barrierPageDrawsWorkAndWaitForEveryPhase() {
        BarrierPage page;
        BarrierDemoController controller(&page);
        page.show();
        child<QSpinBox>(page, "threads")->setValue(3);
        child<QSpinBox>(page, "phases")->setValue(4);
        child<QSpinBox>(page, "workMs")->setValue(20);
        QTest::mouseClick(child<QPushButton>(page, "start"), Qt::LeftButton);
        QVERIFY(controller.running());
        QVERIFY(!child<QSpinBox>(page, "threads")->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(!controller.running(), 30000);

        auto* gantt = child<GanttChart>(page, "gantt");
        QCOMPARE(gantt->rowCount(), 3);
        QCOMPARE(gantt->runBars()->data()->size(), 3 * 4 * 3); // from, to, break per bar
        QCOMPARE(gantt->waitBars()->data()->size(), 3 * 4 * 3);
        QCOMPARE(gantt->waitBars()->name(), QString("waiting at the barrier"));
        QCOMPARE(gantt->markers()->data()->size(), 4 * 3); // a line per release
        const QString summary = child<QLabel>(page, "summary")->text();
        QVERIFY2(summary.contains("4 of 4 phases done"), qPrintable(summary));
        const QString slowest = child<QLabel>(page, "slowest")->text();
        QVERIFY2(slowest.contains("1: thread") && slowest.contains("4: thread"),
                 qPrintable(slowest));

        QTest::mouseClick(child<QPushButton>(page, "reset"), Qt::LeftButton);
        QCOMPARE(gantt->rowCount(), 0);
        QVERIFY(child<QLabel>(page, "slowest")->text().isEmpty());
    }

    void closingDuringARunReturnsPromptly() {
        QueuePage queuePage;
        BarrierPage barrierPage;
        auto queue = std::make_unique<QueueDemoController>(&queuePage);
        auto barrier = std::make_unique<BarrierDemoController>(&barrierPage);
        child<QSpinBox>(queuePage, "consumeMs")->setValue(5000);
        child<QSpinBox>(barrierPage, "workMs")->setValue(5000);
        QTest::mouseClick(child<QPushButton>(queuePage, "start"), Qt::LeftButton);
        QTest::mouseClick(child<QPushButton>(barrierPage, "start"), Qt::LeftButton);
        QTest::qWait(300);
        QElapsedTimer closing;
        closing.start();
        queue.reset();
        barrier.reset();
        QVERIFY2(closing.elapsed() < 2000, qPrintable(QString::number(closing.elapsed())));
    }
};

QTEST_MAIN(TestQueueBarrierPages)
#include "tst_queuebarrierpages.moc"
