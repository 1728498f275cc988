// The Monte Carlo π page driven as a person would, with its real controller and real threads:
// Start shows an estimate and per-thread rates, Stop and Reset work, the sweep fills its chart.
#include "app/gui/lab/LabControllers.h"
#include "tests/common/FindChild.h"
#include "tests/common/TraceCheck.h"
#include "ui/lab/pi/PiConvergenceChart.h"
#include "ui/lab/pi/PiPage.h"
#include "ui/lab/pi/PiRateChart.h"
#include "ui/lab/pi/SpeedupChart.h"

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QPushButton>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <qcustomplot.h>

#include <cmath>
#include <numbers>

using namespace stampede;

class TestPiPage : public QObject {
    Q_OBJECT
private slots:
    void startShowsTheEstimateAndResetClearsIt() {
        PiPage page(2);
        PiDemoController controller(&page);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        child<QSpinBox>(page, "threads")->setValue(2);
        child<QDoubleSpinBox>(page, "samples")->setValue(20); // million
        QTest::mouseClick(child<QPushButton>(page, "start"), Qt::LeftButton);
        QVERIFY(controller.running());
        QVERIFY(!child<QPushButton>(page, "start")->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(!controller.running(), 30000);
        QVERIFY2(child<QLabel>(page, "result")->text().contains("π ≈ <b>3.14"),
                 qPrintable(child<QLabel>(page, "result")->text()));
        QVERIFY(child<QLabel>(page, "result")->text().contains("20,000,000") ||
                child<QLabel>(page, "result")->text().contains("20000000"));
        QVERIFY(child<PiConvergenceChart>(page, "convergenceChart")->estimateGraph()->dataCount() >=
                1);
        QCOMPARE(child<PiRateChart>(page, "rateChart")->bars()->dataCount(), 2);
        QVERIFY(child<QPushButton>(page, "start")->isEnabled());

        QTest::mouseClick(child<QPushButton>(page, "reset"), Qt::LeftButton);
        QVERIFY(child<QLabel>(page, "result")->text().isEmpty());
        QCOMPARE(child<PiConvergenceChart>(page, "convergenceChart")->estimateGraph()->dataCount(),
                 0);
        QCOMPARE(child<PiRateChart>(page, "rateChart")->bars()->dataCount(), 0);
    }
    void theCurveStartsEarlyAndStaysInItsFunnel() {
        // 10^7 samples end before the first poll; the early points come from the checkpoints.
        PiPage page(2);
        PiDemoController controller(&page);
        child<QDoubleSpinBox>(page, "samples")->setValue(10); // million
        QTest::mouseClick(child<QPushButton>(page, "start"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!controller.running(), 30000);
        const auto data =
            child<PiConvergenceChart>(page, "convergenceChart")->estimateGraph()->data();
        QVERIFY(data->size() >= 30);
        QVERIFY2(data->constBegin()->key <= 1e4,
                 qPrintable(QString::number(data->constBegin()->key)));
        QCOMPARE((data->constEnd() - 1)->key, 1e7);
        for (auto it = data->constBegin(); it != data->constEnd(); ++it) {
            constexpr double p = std::numbers::pi / 4;
            const double sigma = 4 * std::sqrt(p * (1 - p) / it->key);
            QVERIFY2(std::abs(it->value - std::numbers::pi) < 6 * sigma,
                     qPrintable(QString("%1 at n=%2").arg(it->value).arg(it->key)));
        }
        // Reset and run again: the same points, not twice as many.
        const int count = data->size();
        QTest::mouseClick(child<QPushButton>(page, "reset"), Qt::LeftButton);
        QTest::mouseClick(child<QPushButton>(page, "start"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!controller.running(), 30000);
        QCOMPARE(child<PiConvergenceChart>(page, "convergenceChart")->estimateGraph()->dataCount(),
                 count);
    }
    void stopEndsARunAndClosingDuringOneDoesNotHang() {
        PiPage page(2);
        {
            PiDemoController controller(&page);
            child<QDoubleSpinBox>(page, "samples")
                ->setValue(1e6); // 10^12 samples: only Stop ends it
            QTest::mouseClick(child<QPushButton>(page, "start"), Qt::LeftButton);
            QTRY_VERIFY(child<QLabel>(page, "result")->text().contains("π ≈"));
            QTest::mouseClick(child<QPushButton>(page, "stop"), Qt::LeftButton);
            QTRY_VERIFY_WITH_TIMEOUT(!controller.running(), 5000);
            QVERIFY(child<QPushButton>(page, "start")->isEnabled());

            QTest::mouseClick(child<QPushButton>(page, "start"), Qt::LeftButton);
            QVERIFY(controller.running());
        } // the controller's destructor stops and joins the running workers
    }
    void sweepFillsTheSpeedupChart() {
        PiPage page(1); // one core: a sweep of 1 and 2 threads
        PiDemoController controller(&page);
        child<QDoubleSpinBox>(page, "samples")->setValue(5);
        QTest::mouseClick(child<QPushButton>(page, "sweep"), Qt::LeftButton);
        QVERIFY(!child<QPushButton>(page, "start")->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(!controller.running(), 30000);
        QCOMPARE(child<SpeedupChart>(page, "speedupChart")->measuredGraph()->dataCount(), 2);
        QCOMPARE(child<SpeedupChart>(page, "speedupChart")->measuredGraph()->data()->at(0)->value,
                 1.0);
        QVERIFY2(child<QLabel>(page, "sweepResult")->text().contains("1.00×"),
                 qPrintable(child<QLabel>(page, "sweepResult")->text()));
        QTest::mouseClick(child<QPushButton>(page, "reset"), Qt::LeftButton);
        QCOMPARE(child<SpeedupChart>(page, "speedupChart")->measuredGraph()->dataCount(), 0);
    }

    // The GIL box: a run under the lock says how long each thread waited, the sweep draws the
    // locked series beside the free one, and Save trace writes the run that ended last.
    void theGilSwitchRunsUnderTheLockAndTracesIt() {
        PiPage page(1);
        PiDemoController controller(&page);
        QVERIFY(!child<QPushButton>(page, "saveTrace")->isEnabled());
        child<QSpinBox>(page, "threads")->setValue(2);
        child<QDoubleSpinBox>(page, "samples")->setValue(4);
        child<QCheckBox>(page, "gil")->setChecked(true);
        QTest::mouseClick(child<QPushButton>(page, "start"), Qt::LeftButton);
        QVERIFY(!child<QCheckBox>(page, "gil")->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(!controller.running(), 30000);
        QVERIFY2(child<QLabel>(page, "result")->text().contains("waiting for the lock"),
                 qPrintable(child<QLabel>(page, "result")->text()));
        QVERIFY(child<QPushButton>(page, "saveTrace")->isEnabled());
        QTemporaryDir dir;
        const auto readSaved = [&](const QString& name) {
            const QString path = dir.filePath(name);
            ReadTrace read;
            read.problem = QStringLiteral("not written");
            QFile file(path);
            if (!controller.latestTrace()->saveTo(path) && file.open(QIODevice::ReadOnly))
                read = readTrace(file.readAll());
            return read;
        };
        const ReadTrace run = readSaved("run.json");
        QVERIFY2(run.problem.isEmpty(), qPrintable(run.problem));
        QVERIFY(run.spansByCategory.value("wait") > 0);
        QCOMPARE(run.spansByCategory.value("work"), 4); // 4 million in chunks of a million

        QTest::mouseClick(child<QPushButton>(page, "sweep"), Qt::LeftButton);
        QVERIFY(!child<QPushButton>(page, "saveTrace")->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(!controller.running(), 30000);
        const SpeedupChart* chart = child<SpeedupChart>(page, "speedupChart");
        QCOMPARE(chart->measuredGraph()->dataCount(), 2);
        QCOMPARE(chart->lockedGraph()->dataCount(), 2);
        QCOMPARE(chart->lockedGraph()->data()->at(0)->value, 1.0);
        const ReadTrace sweep = readSaved("sweep.json");
        QVERIFY2(sweep.problem.isEmpty(), qPrintable(sweep.problem));
        QCOMPARE(sweep.laneNames.values(), QStringList{"pi-sweep"}); // the sweep, not the run

        QTest::mouseClick(child<QPushButton>(page, "reset"), Qt::LeftButton);
        QVERIFY(!child<QPushButton>(page, "saveTrace")->isEnabled());
        QVERIFY(!controller.latestTrace()->available());
    }
};

QTEST_MAIN(TestPiPage)
#include "tst_pipage.moc"
