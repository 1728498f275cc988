// Per-core lines of /proc/stat.
#include "core/monitor/ParseCpuStat.h"

#include <QFile>
#include <QTest>

using namespace stampede;

class TestParseCpuStat : public QObject {
    Q_OBJECT
private slots:
    void fourCoresFromAFixture() {
        QFile file(QStringLiteral(STAMPEDE_FIXTURES "/proc/stat"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const auto cores = parseCpuStat(file.readAll().toStdString());
        QCOMPARE(cores.size(), std::size_t(4)); // the aggregate "cpu" line is not a core
        QCOMPARE(cores[0].core, 0);
        QCOMPARE(cores[3].core, 3);
        // cpu0 20310 0 18640 210133 102 0 1022 0 0 0: busy excludes idle and iowait.
        QCOMPARE(cores[0].total, 20310u + 18640u + 210133u + 102u + 1022u);
        QCOMPARE(cores[0].busy, 20310u + 18640u + 1022u);
    }
    void guestTimeIsNotCountedTwice() {
        // guest (9th) and guest_nice (10th) are already part of user and nice.
        const auto cores = parseCpuStat("cpu0 100 10 50 800 20 5 5 10 70 7\n");
        QCOMPARE(cores.size(), std::size_t(1));
        QCOMPARE(cores[0].total, 1000u);
        QCOMPARE(cores[0].busy, 180u);
    }
    void oldKernelsWithFourColumnsAndGapsInCoreNumbers() {
        // An offline core leaves a gap; the index comes from the line, not its position.
        const auto cores = parseCpuStat("cpu 10 0 10 80\ncpu0 5 0 5 40\ncpu2 5 0 5 40");
        QCOMPARE(cores.size(), std::size_t(2));
        QCOMPARE(cores[1].core, 2);
        QCOMPARE(cores[1].total, 50u);
        QCOMPARE(cores[1].busy, 10u);
    }
    void junkIsSkipped() {
        QVERIFY(parseCpuStat("").empty());
        QVERIFY(parseCpuStat("cpuX 1 2 3 4\ncpu0 1 2\ncpu1 a b c d\nintr 5 6 7 8\n").empty());
    }
};

QTEST_APPLESS_MAIN(TestParseCpuStat)
#include "tst_parsecpustat.moc"
