// The compared figures as the window's table and the HTML report word them: a run against
// itself differs by nothing, better and worse say so with an arrow, a sign and a word, error
// rates differ in percentage points, a latency under a millisecond keeps its microseconds, a
// run without a response has no latency (not a "better" 0 ms), and alike names are told apart.
#include "core/report/ComparisonText.h"
#include "core/report/RunComparison.h"

#include <QTest>

#include <cmath>

using namespace stampede;
using namespace std::chrono_literals;

namespace {

// A run of `requests` in 10 s, `errors` of them failed, the rest answered in `micros` each.
RunReport runOf(std::uint64_t requests, std::uint64_t errors, std::uint64_t micros) {
    RunReport run;
    run.final.elapsed = 10s;
    run.final.requests = requests;
    run.final.errors = errors;
    run.final.completed = requests - errors;
    for (std::uint64_t i = 0; i < requests - errors; ++i)
        run.final.latency.recordMicros(micros + i % 7);
    return run;
}

QString difference(const RunComparison& c, const char* key, std::size_t run = 1) {
    return QString::fromStdString(comparedDifferenceText(*c.figure(key), run));
}

QString value(const RunComparison& c, const char* key, std::size_t run) {
    return QString::fromStdString(comparedValueText(*c.figure(key), run));
}

} // namespace

class TestComparisonText : public QObject {
    Q_OBJECT
private slots:
    void aRunAgainstItselfDiffersByNothing() {
        const RunReport run = runOf(1000, 10, 2500);
        const RunComparison c = compareRuns({run, run}, {"a", "a"});
        QCOMPARE(c.names, (std::vector<std::string>{"a", "a (2)"}));
        for (const ComparedFigure& figure : c.figures) {
            QCOMPARE(figure.absolute[1], 0.0);
            QCOMPARE(figure.verdicts[1], Verdict::Same);
            const QString text = QString::fromStdString(comparedDifferenceText(figure, 1));
            QVERIFY2(text.startsWith("= 0"), qPrintable(text));
            QVERIFY(comparedDifferenceText(figure, 0).empty());
        }
        QCOMPARE(difference(c, "p99"), QString("= 0 ms (0.0 %)"));
        QCOMPARE(difference(c, "error_rate"), QString("= 0 pp (0.0 %)"));
        QCOMPARE(value(c, "rps", 0), QString("100 req/s"));
    }

    void betterAndWorseAreSaidInWordsArrowsAndSigns() {
        const RunReport slow = runOf(1000, 0, 2500);
        const RunReport fast = runOf(2000, 20, 1200);
        const RunComparison c = compareRuns({slow, fast}, {"slow", "fast"});
        QCOMPARE(difference(c, "rps"), QString::fromUtf8("\u25B2 +100 req/s (+100.0 %) better"));
        // Histogram buckets, not the exact 2.5 and 1.2 ms: the digits after the first two vary.
        const QString p50 = difference(c, "p50");
        QVERIFY2(p50.startsWith(QString::fromUtf8("\u25BC \u22121.3")), qPrintable(p50));
        QVERIFY2(p50.contains(QString::fromUtf8(" ms (\u221252.")) ||
                     p50.contains(QString::fromUtf8(" ms (\u221251.")),
                 qPrintable(p50));
        QVERIFY(p50.endsWith(" %) better"));
        QCOMPARE(difference(c, "error_rate"), QString::fromUtf8("\u25B2 +1.00 pp worse"));
        QCOMPARE(difference(c, "errors"), QString::fromUtf8("\u25B2 +20 worse"));
        // Neither better nor worse: the count of requests says nothing by itself.
        QCOMPARE(difference(c, "requests"), QString::fromUtf8("\u25B2 +1000 (+100.0 %)"));
        QCOMPARE(QString::fromLatin1(verdictName(c.figure("p99")->verdicts[1])), QString("better"));
    }

    void aLatencyUnderAMillisecondKeepsItsMicroseconds() {
        const RunComparison c = compareRuns({runOf(1000, 0, 120), runOf(1000, 0, 124)}, {"a", "b"});
        QCOMPARE(value(c, "p50", 0), QString("0.123 ms"));
        QCOMPARE(difference(c, "p50"), QString::fromUtf8("\u25B2 +0.004 ms (+3.3 %) worse"));
    }

    void aRunWithoutAResponseHasNoLatencyToCompare() {
        const RunReport answered = runOf(1000, 0, 2500);
        const RunReport refused = runOf(20, 20, 0);
        const RunComparison c = compareRuns({answered, refused}, {"ok", "refused"});
        for (const char* key : {"mean", "p50", "p99", "p99.9", "max"}) {
            const ComparedFigure& f = *c.figure(key);
            QVERIFY(std::isnan(f.values[1]));
            QCOMPARE(f.verdicts[1], Verdict::Changed);
            QVERIFY(!f.percent[1]);
            QCOMPARE(value(c, key, 1), QString("no response"));
            QCOMPARE(difference(c, key), QString("not comparable"));
        }
        QCOMPARE(c.figure("error_rate")->verdicts[1], Verdict::Worse);
        const RunComparison neither = compareRuns({refused, refused}, {"x", "y"});
        QCOMPARE(neither.figure("p99")->verdicts[1], Verdict::Same);
    }
};

QTEST_GUILESS_MAIN(TestComparisonText)
#include "tst_comparisontext.moc"
