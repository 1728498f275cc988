// The race page with its real controller and threads: Start fills the mode table, the sweep,
// the wallet and the charts; the exact modes show no loss; Reset clears everything.
#include "app/gui/lab/LabControllers.h"
#include "tests/common/FindChild.h"
#include "ui/lab/race/RaceBarChart.h"
#include "ui/lab/race/RacePage.h"

#include <QCheckBox>
#include <QHeaderView>
#include <QPushButton>
#include <QScrollBar>
#include <QSpinBox>
#include <QTableWidget>
#include <QTest>
#include <qcustomplot.h>

using namespace stampede;

class TestRacePage : public QObject {
    Q_OBJECT
private slots:
    void startFillsEveryResultAndResetClearsThem() {
        RacePage page(2);
        RaceDemoController controller(&page);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        child<QSpinBox>(page, "increments")->setValue(100'000);
        QTest::mouseClick(child<QPushButton>(page, "start"), Qt::LeftButton);
        QVERIFY(controller.running());
        QTRY_VERIFY_WITH_TIMEOUT(!controller.running(), 60000);
        QCOMPARE(child<QLabel>(page, "status")->text(), QString("Done."));

        QTableWidget* modes = child<QTableWidget>(page, "modesTable");
        QCOMPARE(modes->rowCount(), 4);
        QCOMPARE(modes->item(0, 0)->text(), QString("unsync"));
        for (int row = 1; row < 4; ++row) // mutex, atomic, local: never a lost update
            QCOMPARE(modes->item(row, 3)->text(), QString("0"));
        QCOMPARE(child<QTableWidget>(page, "sweepTable")->rowCount(), 7);
        QCOMPARE(child<RaceBarChart>(page, "lostChart")->bars()->dataCount(), 4);
        QCOMPARE(child<RaceBarChart>(page, "timeChart")->bars()->dataCount(), 4);
        QVERIFY2(child<QLabel>(page, "walletResult")
                         ->text()
                         .contains("with mutex: expected 1,000, actual <b>1,000</b>") ||
                     child<QLabel>(page, "walletResult")
                         ->text()
                         .contains("with mutex: expected 1000, actual <b>1000</b>"),
                 qPrintable(child<QLabel>(page, "walletResult")->text()));

        QTest::mouseClick(child<QPushButton>(page, "reset"), Qt::LeftButton);
        QCOMPARE(modes->rowCount(), 0);
        QCOMPARE(child<QTableWidget>(page, "sweepTable")->rowCount(), 0);
        QVERIFY(child<QLabel>(page, "walletResult")->text().isEmpty());
        QCOMPARE(child<RaceBarChart>(page, "lostChart")->bars()->dataCount(), 0);
    }
    void tablesFitWithoutScrollingBesideTheDock() {
        // About the room the page has in a 1400 px window with the lab list and the Threads &
        // CPU dock open.
        RacePage page(2);
        RaceDemoController controller(&page);
        page.resize(800, 760);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        child<QSpinBox>(page, "increments")->setValue(1'000'000);
        QTest::mouseClick(child<QPushButton>(page, "start"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!controller.running(), 60000);
        QCOMPARE(child<QTableWidget>(page, "sweepTable")->rowCount(), 7);
        for (QTableWidget* table :
             {child<QTableWidget>(page, "modesTable"), child<QTableWidget>(page, "sweepTable")}) {
            QCOMPARE(table->verticalScrollBar()->maximum(), 0);
            const int last = table->columnCount() - 1;
            QVERIFY(table->columnViewportPosition(last) + table->columnWidth(last) <=
                    table->viewport()->width());
            for (int column = 0; column <= last; ++column) {
                // The item delegate's text margins are a few pixels on each side.
                int needed = table->horizontalHeader()->sectionSizeHint(column);
                for (int row = 0; row < table->rowCount(); ++row)
                    needed = std::max(needed, table->fontMetrics().horizontalAdvance(
                                                  table->item(row, column)->text()) +
                                                  8);
                QVERIFY2(needed <= table->columnWidth(column),
                         qPrintable(QString("column %1 needs %2 px, has %3")
                                        .arg(column)
                                        .arg(needed)
                                        .arg(table->columnWidth(column))));
            }
        }
    }
    void resetDuringARunStopsIt() {
        RacePage page(2);
        RaceDemoController controller(&page);
        child<QSpinBox>(page, "increments")->setValue(1'000'000'000);
        child<QCheckBox>(page, "sweepSizes")->setChecked(false);
        child<QCheckBox>(page, "wallet")->setChecked(false);
        QTest::mouseClick(child<QPushButton>(page, "start"), Qt::LeftButton);
        QVERIFY(controller.running());
        QTest::qWait(100);
        // The page is free at once; the run's threads end promptly, without the GUI waiting.
        QTest::mouseClick(child<QPushButton>(page, "reset"), Qt::LeftButton);
        QVERIFY(!controller.running());
        QVERIFY(child<QPushButton>(page, "start")->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(controller.idle(), 5000);
    }
};

QTEST_MAIN(TestRacePage)
#include "tst_racepage.moc"
