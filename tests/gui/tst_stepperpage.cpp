// The stepper page driven as a student would: Step buttons move real threads one step each, a
// lost update and a deadlock happen on screen, All schedules lists every interleaving, a
// double-click replays one, and Save trace writes what the threads did.
#include "app/gui/lab/StepperController.h"
#include "tests/common/FindChild.h"
#include "tests/common/TraceCheck.h"
#include "ui/lab/stepper/StepperPage.h"

#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace stampede;

namespace {

// Steps T`thread` and waits until the page shows the step taken: one more thread in its
// schedule line.
void stepThread(StepperPage& page, int thread) {
    QPushButton* button = child<QPushButton>(page, QStringLiteral("step%1").arg(thread));
    QTRY_VERIFY2(button->isEnabled(), qPrintable(button->objectName()));
    const auto taken = [&page] {
        return child<QLabel>(page, "schedule")->text().count(QRegularExpression("T\\d"));
    };
    const qsizetype before = taken();
    QTest::mouseClick(button, Qt::LeftButton);
    QTRY_COMPARE(taken(), before + 1);
}

} // namespace

class TestStepperPage : public QObject {
    Q_OBJECT
private slots:
    void aLostUpdateHappensOnScreen() {
        StepperPage page;
        StepperController controller(&page);
        page.show();
        QCOMPARE(page.programName(), QStringLiteral("race"));
        QVERIFY(!child<QPushButton>(page, "saveTrace")->isEnabled());
        for (int thread : {1, 2, 1, 2, 1, 2})
            stepThread(page, thread);
        QTRY_VERIFY(child<QLabel>(page, "counter")->text().contains("<b>1</b>"));
        QVERIFY2(child<QLabel>(page, "verdict")->text().contains("1 update was lost"),
                 qPrintable(child<QLabel>(page, "verdict")->text()));
        QVERIFY(child<QLabel>(page, "schedule")->text().contains("T1 T2 T1 T2 T1 T2"));
        QVERIFY(!child<QPushButton>(page, "step1")->isEnabled()); // done

        QTRY_VERIFY(controller.idle());
        QVERIFY(child<QPushButton>(page, "saveTrace")->isEnabled());
        QTemporaryDir dir;
        QVERIFY(!controller.latestTrace()->saveTo(dir.filePath("t.json")));
        QFile file(dir.filePath("t.json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const ReadTrace trace = readTrace(file.readAll());
        QVERIFY2(trace.problem.isEmpty(), qPrintable(trace.problem));
        QCOMPARE(trace.spansByCategory.value("work"), 6);
        QVERIFY(trace.laneNames.values().contains("step-2"));

        QTest::mouseClick(child<QPushButton>(page, "allSchedules"), Qt::LeftButton);
        QCOMPARE(child<QTableWidget>(page, "scheduleTable")->rowCount(), 20);
        QCOMPARE(child<QLabel>(page, "allSummary")->text(),
                 QStringLiteral("20 schedules: 2 end at 2, 18 end at 1 (lost 1)"));

        QTest::mouseClick(child<QPushButton>(page, "restart"), Qt::LeftButton);
        QVERIFY(child<QLabel>(page, "counter")->text().contains("<b>0</b>"));
        QVERIFY(child<QPushButton>(page, "step1")->isEnabled());
    }

    void twoLocksInOppositeOrderDeadlock() {
        StepperPage page;
        StepperController controller(&page);
        page.show();
        auto* program = child<QComboBox>(page, "program");
        program->setCurrentIndex(program->findData(QStringLiteral("deadlock")));
        stepThread(page, 1);
        stepThread(page, 2);
        QTRY_VERIFY(child<QLabel>(page, "verdict")->text().contains("deadlock"));
        QVERIFY(!child<QPushButton>(page, "step1")->isEnabled());
        QVERIFY(!child<QPushButton>(page, "step2")->isEnabled());
        QVERIFY2(child<QLabel>(page, "locks")->text().contains("L1 held by T1"),
                 qPrintable(child<QLabel>(page, "locks")->text()));
        QTest::mouseClick(child<QPushButton>(page, "allSchedules"), Qt::LeftButton);
        QCOMPARE(child<QLabel>(page, "allSummary")->text(),
                 QStringLiteral("6 schedules: 4 finish, 2 deadlock"));
        // Leaving the page with both threads holding a real mutex must not hang.
    }

    void aDoubleClickReplaysASchedule() {
        StepperPage page;
        StepperController controller(&page);
        page.show();
        auto* program = child<QComboBox>(page, "program");
        program->setCurrentIndex(program->findData(QStringLiteral("locked")));
        QTest::mouseClick(child<QPushButton>(page, "allSchedules"), Qt::LeftButton);
        auto* table = child<QTableWidget>(page, "scheduleTable");
        QCOMPARE(table->rowCount(), 2);
        const QString schedule = table->item(1, 0)->text();
        emit table->cellDoubleClicked(1, 0);
        QVERIFY(controller.replaying());
        QVERIFY(!child<QPushButton>(page, "step1")->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(!controller.replaying(), 15000);
        QTRY_VERIFY(child<QLabel>(page, "schedule")->text().contains(schedule));
        QVERIFY(child<QLabel>(page, "counter")->text().contains("<b>2</b>"));
        QVERIFY(child<QLabel>(page, "verdict")->text().contains("no update lost"));
    }
};

QTEST_MAIN(TestStepperPage)
#include "tst_stepperpage.moc"
