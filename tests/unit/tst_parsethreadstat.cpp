// /proc/<pid>/task/<tid>/stat lines, including names chosen to break naive parsers.
#include "core/monitor/ParseThreadStat.h"

#include <QFile>
#include <QTest>

using namespace stampede;

namespace {

std::string fixture(const QString& relative) {
    QFile file(QStringLiteral(STAMPEDE_FIXTURES "/proc/") + relative);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(file.fileName()));
    return file.readAll().toStdString();
}

} // namespace

class TestParseThreadStat : public QObject {
    Q_OBJECT
private slots:
    void plainName() {
        const auto stat = parseThreadStat(fixture("self/task/4101/stat"));
        QVERIFY(stat);
        QCOMPARE(stat->id, 4101);
        QCOMPARE(stat->name, std::string("engine-io"));
        QCOMPARE(stat->state, 'R');
        QCOMPARE(stat->userTicks, 400u);
        QCOMPARE(stat->systemTicks, 150u);
        QCOMPARE(stat->cpuTicks(), 550u);
        QCOMPARE(stat->rssPages, 22016);
        QCOMPARE(stat->processor, 3);
    }
    void nameWithParenthesesAndFakeFields() {
        // A naive parser splitting at the first ')' would read state 'S' and ppid 1 from the
        // name and shift every later field by three.
        const auto stat = parseThreadStat(fixture("self/task/4102/stat"));
        QVERIFY(stat);
        QCOMPARE(stat->name, std::string("evil) S 1 (x"));
        QCOMPARE(stat->state, 'S');
        QCOMPARE(stat->cpuTicks(), 0u);
        QCOMPARE(stat->processor, 0);
    }
    void nameWithSpaces() {
        const auto stat = parseThreadStat(fixture("self/task/4103/stat"));
        QVERIFY(stat);
        QCOMPARE(stat->name, std::string("pi worker 1"));
        QCOMPARE(stat->userTicks, 210u);
        QCOMPARE(stat->systemTicks, 50u);
        QCOMPARE(stat->processor, 2);
    }
    void emptyName() {
        const auto stat = parseThreadStat(fixture("self/task/4104/stat"));
        QVERIFY(stat);
        QCOMPARE(stat->id, 4104);
        QCOMPARE(stat->name, std::string());
        QCOMPARE(stat->state, 'D');
    }
    void processLineHasTheSameLayout() {
        const auto stat = parseThreadStat(fixture("self/stat"));
        QVERIFY(stat);
        QCOMPARE(stat->name, std::string("stampede"));
        QCOMPARE(stat->cpuTicks(), 1830u);
    }
    void malformedLinesAreRejected() {
        QVERIFY(!parseThreadStat(""));
        QVERIFY(!parseThreadStat("garbage"));
        QVERIFY(!parseThreadStat("12 (cut) S 1 2 3")); // too few fields
        QVERIFY(!parseThreadStat("x1 (name) S"));      // id is not a number
        QVERIFY(!parseThreadStat("12 (a) S 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 "
                                 "21 22 23 24 25 26 27 28 29 30 31 32 33 34 35")); // no cpu
        std::string line = fixture("self/task/4101/stat");
        QVERIFY(parseThreadStat(line));
        line.replace(line.find(" 400 "), 5, " 4x0 "); // utime
        QVERIFY(!parseThreadStat(line));
    }
};

QTEST_APPLESS_MAIN(TestParseThreadStat)
#include "tst_parsethreadstat.moc"
