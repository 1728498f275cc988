#include "core/report/CompareGate.h"
#include "core/report/ComparisonText.h"
#include "core/report/JUnitReport.h"
#include "core/report/RunComparison.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QXmlStreamReader>

using namespace stampede;
using namespace std::chrono_literals;

namespace {

// `requests` over 10 s, `errors` of them errors, latencies spread evenly from 1 ms to
// `slowestMs`.
RunReport run(std::uint64_t requests, std::uint64_t errors, std::uint64_t slowestMs) {
    RunReport report;
    report.final.phase = RunSnapshot::Phase::Finished;
    report.final.elapsed = 10s;
    report.final.requests = requests;
    report.final.completed = requests;
    report.final.errors = errors;
    for (std::uint64_t i = 0; i < requests; ++i)
        report.final.latency.recordMicros(1000 + i * (slowestMs - 1) * 1000 / requests);
    report.final.steps.resize(report.plan.steps.size());
    return report;
}

CompareGate gate(const char* text) {
    auto parsed = CompareGate::parse(text);
    if (auto* error = std::get_if<std::string>(&parsed))
        qFatal("%s does not parse: %s", text, error->c_str());
    return std::get<CompareGate>(std::move(parsed));
}

// The verdict of `text` on b against a.
GateResult judged(const char* text, const RunReport& a, const RunReport& b) {
    const auto results = gate(text).evaluate(compareRuns({a, b}, {"a", "b"}));
    if (results.size() != 1)
        qFatal("%s gave %zu results for two runs", text, results.size());
    return results.front();
}

} // namespace

class TestRunComparison : public QObject {
    Q_OBJECT
private slots:
    void aRunAgainstItselfChangesNothing() {
        const RunReport a = run(1000, 10, 200);
        const RunComparison c = compareRuns({a, a, a}, {"a", "a again", "a thrice"});
        QVERIFY(c.figures.size() >= 10);
        for (const ComparedFigure& f : c.figures) {
            QCOMPARE(f.values.size(), 3u);
            for (std::size_t i = 0; i < 3; ++i) {
                QCOMPARE(f.absolute[i], 0.0);
                QCOMPARE(f.verdicts[i], Verdict::Same);
                if (f.values[0] != 0)
                    QCOMPARE(f.percent[i].value(), 0.0);
            }
        }
    }

    void deltasAreAgainstTheFirstAndTellBetterFromWorse() {
        const RunReport a = run(1000, 10, 200);
        const RunReport b = run(2000, 10, 400); // twice the rate, half the error rate, slower
        const RunComparison c = compareRuns({a, b}, {"a", "b"});
        const ComparedFigure* rps = c.figure("rps");
        QVERIFY(rps);
        QCOMPARE(rps->values[0], 100.0);
        QCOMPARE(rps->values[1], 200.0);
        QCOMPARE(rps->absolute[1], 100.0);
        QCOMPARE(*rps->percent[1], 100.0);
        QCOMPARE(rps->verdicts[1], Verdict::Better);

        const ComparedFigure* rate = c.figure("error_rate");
        QCOMPARE(rate->values[0], 1.0);
        QCOMPARE(rate->values[1], 0.5);
        QCOMPARE(*rate->percent[1], -50.0);
        QCOMPARE(rate->verdicts[1], Verdict::Better);

        const ComparedFigure* p99 = c.figure("p99");
        QCOMPARE(p99->values[0], double(a.final.latency.quantile(0.99)) / 1000);
        QCOMPARE(p99->values[1], double(b.final.latency.quantile(0.99)) / 1000);
        QVERIFY(p99->absolute[1] > 150);
        QCOMPARE(p99->verdicts[1], Verdict::Worse);

        QCOMPARE(c.figure("requests")->verdicts[1], Verdict::Changed); // neither better nor worse
        QCOMPARE(c.figure("errors")->verdicts[1], Verdict::Same);      // 10 and 10
        QVERIFY(!c.figure("iterations_per_s")); // one-step plans have no flow figures
        QVERIFY(!c.figure("steps[0].p99"));
    }

    void aBaselineOfZeroHasNoPercentage() {
        const RunComparison c = compareRuns({run(1000, 0, 100), run(1000, 5, 100)}, {"a", "b"});
        const ComparedFigure* errors = c.figure("errors");
        QCOMPARE(errors->absolute[1], 5.0);
        QVERIFY(!errors->percent[1]);
        QCOMPARE(errors->verdicts[1], Verdict::Worse);
    }

    void flowsWithTheSameStepsCompareEachStep() {
        RunReport a = run(100, 0, 100);
        a.plan.steps.resize(2);
        a.plan.steps[0].name = "create";
        a.plan.steps[1].name = "read";
        a.final.steps.resize(2);
        a.final.steps[1].requests = 50;
        a.final.steps[1].errors = 5;
        a.final.steps[1].latency.recordMicros(30'000);
        RunReport b = a;
        b.final.steps[1].latency.reset();
        b.final.steps[1].latency.recordMicros(60'000);
        const RunComparison c = compareRuns({a, b}, {"a", "b"});
        QVERIFY(c.figure("iterations_per_s"));
        const ComparedFigure* p99 = c.figure("steps[1].p99");
        QVERIFY(p99);
        QCOMPARE(p99->label, std::string("step 2 (read) p99"));
        QVERIFY(p99->values[1] > 1.9 * p99->values[0]);
        QCOMPARE(c.figure("steps[1].error_rate")->values[1], 10.0);

        b.plan.steps[1].name = "fetch"; // other steps: nothing to compare step by step
        QVERIFY(!compareRuns({a, b}, {"a", "b"}).figure("steps[1].p99"));
    }

    void gatesParse_data() {
        QTest::addColumn<QString>("text");
        for (const char* text :
             {"p99>+10%", "rps<-5%", "errors>+0.5pp", "p99>+20ms", "p99.9 >= +1.5 %", "p999>+2%",
              "mean>+500us", "max>+1s", "error_rate>+1pp", "errors>+3", "errors>+50%",
              "requests<-100", "steps[1].p99>+10%", "P99>+10%"})
            QTest::newRow(text) << QString(text);
    }
    void gatesParse() {
        QFETCH(QString, text);
        const auto parsed = CompareGate::parse(text.toStdString());
        if (auto* error = std::get_if<std::string>(&parsed))
            QFAIL(error->c_str());
    }

    void badGatesSayWhy_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("why");
        QTest::newRow("empty") << ""
                               << "empty gate";
        QTest::newRow("no figure") << ">+10%"
                                   << "does not start with a figure";
        QTest::newRow("unknown") << "p42>+1%"
                                 << "unknown figure \"p42\"";
        QTest::newRow("no operator") << "p99"
                                     << "needs an operator";
        QTest::newRow("no change") << "p99>"
                                   << "expected a signed change";
        QTest::newRow("junk") << "p99>ten"
                              << "expected a signed change";
        QTest::newRow("pp on latency") << "p99>+1pp"
                                       << "pp (percentage points) is for error";
        QTest::newRow("bad time") << "p99>+3parsecs"
                                  << "not \"parsecs\"";
        QTest::newRow("rate in ms") << "error_rate>+1ms"
                                    << "% (relative) or pp";
        QTest::newRow("rps in ms") << "rps<-5ms"
                                   << "rps changes by % or by a plain number";
    }
    void badGatesSayWhy() {
        QFETCH(QString, text);
        QFETCH(QString, why);
        const auto parsed = CompareGate::parse(text.toStdString());
        const auto* error = std::get_if<std::string>(&parsed);
        QVERIFY2(error, qPrintable(text + " parsed"));
        QVERIFY2(QString::fromStdString(*error).contains(why), error->c_str());
    }

    void gatesJudgeTheChangeFromTheFirstRun() {
        const RunReport a = run(1000, 10, 200);
        const RunReport slower = run(1000, 10, 240);  // p99 about +20 %
        const RunReport fewer = run(900, 10, 200);    // rps -10 %
        const RunReport failing = run(1000, 20, 200); // error rate 1 % → 2 %

        QVERIFY(!judged("p99>+10%", a, slower).passed);
        QVERIFY(judged("p99>+30%", a, slower).passed);
        QVERIFY(judged("p99>+10%", a, a).passed);
        QVERIFY(!judged("p99>+20ms", a, slower).passed);
        QVERIFY(judged("p99>+50ms", a, slower).passed);
        QVERIFY(!judged("p99>+20000us", a, slower).passed);
        QVERIFY(!judged("rps<-5%", a, fewer).passed);
        QVERIFY(judged("rps<-15%", a, fewer).passed);
        QVERIFY(judged("rps<-5%", a, slower).passed);
        QVERIFY(!judged("errors>+0.5pp", a, failing).passed);
        QVERIFY(judged("errors>+1.5pp", a, failing).passed);
        QVERIFY(!judged("errors>+50%", a, failing).passed); // the rate doubled: +100 %
        QVERIFY(!judged("errors>+5", a, failing).passed);   // the count: +10

        const GateResult verdict = judged("p99>+10%", a, slower);
        QVERIFY2(QString::fromStdString(verdict.text).startsWith("p99>+10%: b "),
                 verdict.text.c_str());
        QVERIFY2(QString::fromStdString(verdict.text).endsWith("): FAILED"), verdict.text.c_str());
    }

    void fromZeroAnyGrowthBreaksARelativeGate() {
        const RunReport clean = run(1000, 0, 100);
        QVERIFY(!judged("errors>+10%", clean, run(1000, 1, 100)).passed);
        QVERIFY(judged("errors>+10%", clean, clean).passed);
    }

    void aGateOnARunWithoutAResponseFailsAsNotComparable() {
        RunReport silent = run(1000, 1000, 100);
        silent.final.completed = 0;
        silent.final.latency.reset();
        const GateResult result = judged("p99>+10%", run(1000, 0, 100), silent);
        QVERIFY(!result.passed);
        QVERIFY2(QString::fromStdString(result.text).contains("no response") &&
                     QString::fromStdString(result.text).endsWith("not comparable: FAILED"),
                 result.text.c_str());
    }

    void aGateOnAStepTheRunsDoNotShareFails() {
        const RunReport a = run(100, 0, 100);
        const GateResult result = judged("steps[1].p99>+10%", a, a);
        QVERIFY(!result.passed);
        QVERIFY2(QString::fromStdString(result.text).contains("has no steps[1].p99"),
                 result.text.c_str());
    }

    void oneVerdictPerLaterRun() {
        const RunReport a = run(1000, 10, 200);
        const auto results =
            gate("p99>+10%").evaluate(compareRuns({a, run(1000, 10, 400), a}, {"a", "b", "c"}));
        QCOMPARE(results.size(), 2u);
        QCOMPARE(results[0].run, std::string("b"));
        QVERIFY(!results[0].passed);
        QCOMPARE(results[1].run, std::string("c"));
        QVERIFY(results[1].passed);
    }

    void textAndJsonCarryTheSameFigures() {
        const std::vector<RunReport> runs{run(1000, 10, 200), run(2000, 10, 400)};
        const RunComparison c = compareRuns(runs, {"base.json", "new.json"});
        const auto gates = gate("p99>+10%").evaluate(c);
        const QString text = QString::fromStdString(comparisonText(runs, c, gates));
        QVERIFY2(text.contains("throughput"), qPrintable(text));
        QVERIFY2(text.contains("(+100.0 %) better"), qPrintable(text));
        QVERIFY(text.contains("worse"));
        QVERIFY(text.contains("p99>+10%: new.json"));

        const QJsonObject json = QJsonDocument::fromJson(comparisonJson(runs, c, gates)).object();
        QCOMPARE(json["runs"].toArray().size(), 2);
        QCOMPARE(json["figures"].toArray().size(), qsizetype(c.figures.size()));
        const QJsonObject rps = json["figures"].toArray()[1].toObject();
        QCOMPARE(rps["key"].toString(), "rps");
        QCOMPARE(rps["percent"].toArray()[1].toDouble(), 100.0);
        QCOMPARE(rps["verdicts"].toArray()[1].toString(), "better");
        QCOMPARE(json["passed"].toBool(), false);
        QCOMPARE(json["gates"].toArray()[0].toObject()["passed"].toBool(), false);
    }

    void junitHoldsOneTestCasePerCheckWithItsFailure() {
        const QByteArray xml = junitXml("stampede compare",
                                        {{"p99>+10% (b.json)", false, "p99 <grew> & \"worse\""},
                                         {"rps<-5% (b.json)", true, "ok"}},
                                        1.5);
        QXmlStreamReader reader(xml);
        int cases = 0, failures = 0;
        QString failureMessage, suiteFailures;
        while (!reader.atEnd()) {
            if (reader.readNext() != QXmlStreamReader::StartElement)
                continue;
            if (reader.name() == u"testsuite")
                suiteFailures = reader.attributes().value("failures").toString();
            if (reader.name() == u"testcase")
                ++cases;
            if (reader.name() == u"failure") {
                ++failures;
                failureMessage = reader.attributes().value("message").toString();
            }
        }
        QVERIFY2(!reader.hasError(), qPrintable(reader.errorString()));
        QCOMPARE(cases, 2);
        QCOMPARE(failures, 1);
        QCOMPARE(suiteFailures, "1");
        QCOMPARE(failureMessage, "p99 <grew> & \"worse\"");
    }
};

QTEST_GUILESS_MAIN(TestRunComparison)
#include "tst_runcomparison.moc"
