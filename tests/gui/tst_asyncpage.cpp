// The gather / as_completed / wait page driven as a person would, against a real embedded
// target: Start, four charts fill on one scale, cancelled bars are drawn and named apart,
// the as_completed list comes in completion order, Save trace writes a sound trace, Reset
// clears.
#include "app/gui/lab/LabControllers.h"
#include "core/server/TargetServer.h"
#include "tests/common/FindChild.h"
#include "tests/common/TraceCheck.h"
#include "ui/lab/GanttChart.h"
#include "ui/lab/async/AsyncPage.h"

#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <qcustomplot.h>

using namespace stampede;

namespace {

// Seed 42 draws 390, 338, 388 and 111 ms from 50-500: #4 is first by far, and alone by T.
void chooseFourRequests(AsyncPage& page) {
    child<QSpinBox>(page, "requests")->setValue(4);
    child<QSpinBox>(page, "fastest")->setValue(50);
    child<QSpinBox>(page, "slowest")->setValue(500);
    child<QSpinBox>(page, "timeout")->setValue(200);
    child<QSpinBox>(page, "seed")->setValue(42);
}

} // namespace

class TestAsyncPage : public QObject {
    Q_OBJECT
private slots:
    void fourWaysDrawnWithTheirCancels() {
        TargetServer target;
        AsyncPage page;
        AsyncDemoController controller(&page, target.url());
        page.show();
        chooseFourRequests(page);
        QTest::mouseClick(child<QPushButton>(page, "start"), Qt::LeftButton);
        QVERIFY(controller.running());
        QVERIFY(!child<QSpinBox>(page, "seed")->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(!controller.running(), 60000);
        QVERIFY(child<QSpinBox>(page, "seed")->isEnabled());

        const QStringList names{"gather", "as-completed", "first", "timeout"};
        for (const QString& name : names) {
            const auto* chart = child<GanttChart>(page, name + "Chart");
            QCOMPARE(chart->rowCount(), 4);
            // One time scale: gather, the longest, sets it for all.
            QCOMPARE(chart->plot()->xAxis->range().upper,
                     child<GanttChart>(page, "gatherChart")->plot()->xAxis->range().upper);
        }
        const auto* gather = child<GanttChart>(page, "gatherChart");
        QVERIFY(gather->cancelledBars()->data()->isEmpty());
        QVERIFY(!gather->plot()->legend->hasItemWithPlottable(gather->cancelledBars()));
        for (const QString& name : {QString("first"), QString("timeout")}) {
            const auto* chart = child<GanttChart>(page, name + "Chart");
            QVERIFY2(!chart->cancelledBars()->data()->isEmpty(), qPrintable(name));
            QVERIFY(chart->plot()->legend->hasItemWithPlottable(chart->cancelledBars()));
            QCOMPARE(chart->cancelledBars()->name(), QString("cancelled"));
            QVERIFY(chart->cancelledBars()->pen().style() != Qt::SolidLine); // not colour alone
        }
        const QString firstText = child<QLabel>(page, "firstSummary")->text();
        QVERIFY2(firstText.contains("#4 taken") && firstText.contains("3 cancelled"),
                 qPrintable(firstText));
        const QString order = child<QLabel>(page, "as-completedSummary")->text();
        QVERIFY2(order.contains("In the order they came: #4"), qPrintable(order));
        QVERIFY2(child<QLabel>(page, "status")->text().contains("All four done"),
                 qPrintable(child<QLabel>(page, "status")->text()));

        QVERIFY(child<QPushButton>(page, "saveTrace")->isEnabled());
        QTemporaryDir dir;
        QVERIFY(!controller.latestTrace()->saveTo(dir.filePath("async.json")));
        QFile saved(dir.filePath("async.json"));
        QVERIFY(saved.open(QIODevice::ReadOnly));
        const ReadTrace trace = readTrace(saved.readAll());
        QVERIFY2(trace.problem.isEmpty(), qPrintable(trace.problem));
        QVERIFY(trace.spansByCategory.value("cancelled") >= 3 + 3);

        QTest::mouseClick(child<QPushButton>(page, "reset"), Qt::LeftButton);
        for (const QString& name : names)
            QCOMPARE(child<GanttChart>(page, name + "Chart")->rowCount(), 0);
        QVERIFY(child<QLabel>(page, "firstSummary")->text().isEmpty());
    }

    void stopCancelsAndClosingReturnsPromptly() {
        TargetServer target;
        AsyncPage page;
        auto controller = std::make_unique<AsyncDemoController>(&page, target.url());
        child<QSpinBox>(page, "fastest")->setValue(5000);
        child<QSpinBox>(page, "slowest")->setValue(5000);
        QTest::mouseClick(child<QPushButton>(page, "start"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(target.stats().connectionsOpen, 10u, 10000);
        QTest::mouseClick(child<QPushButton>(page, "stop"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!controller->running(), 10000);
        QVERIFY2(child<QLabel>(page, "status")->text().contains("stopped"),
                 qPrintable(child<QLabel>(page, "status")->text()));
        QVERIFY(!child<GanttChart>(page, "gatherChart")->cancelledBars()->data()->isEmpty());

        QTest::mouseClick(child<QPushButton>(page, "start"), Qt::LeftButton);
        QTest::qWait(200);
        QElapsedTimer closing;
        closing.start();
        controller.reset();
        QVERIFY2(closing.elapsed() < 2000, qPrintable(QString::number(closing.elapsed())));
    }
};

QTEST_MAIN(TestAsyncPage)
#include "tst_asyncpage.moc"
