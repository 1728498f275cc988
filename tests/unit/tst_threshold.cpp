#include "core/report/Threshold.h"

#include <QRegularExpression>
#include <QTest>

using namespace stampede;
using namespace std::chrono_literals;

namespace {

ThresholdResult evaluate(const char* text, const RunReport& report) {
    auto parsed = Threshold::parse(text);
    if (auto* error = std::get_if<std::string>(&parsed))
        qFatal("%s does not parse: %s", text, error->c_str());
    return std::get<Threshold>(parsed).evaluate(report);
}

// 1000 requests over 10 s, 25 of them errors, latencies 1, 2, ..., 1000 ms.
RunReport tenSecondRun() {
    RunReport report;
    report.final.phase = RunSnapshot::Phase::Finished;
    report.final.elapsed = 10s;
    report.final.requests = 1000;
    report.final.completed = 1000;
    report.final.errors = 25;
    for (std::uint64_t ms = 1; ms <= 1000; ++ms)
        report.final.latency.recordMicros(ms * 1000);
    return report;
}

} // namespace

class TestThreshold : public QObject {
    Q_OBJECT
private slots:
    void parsesGood_data() {
        QTest::addColumn<QString>("text");
        for (const char* text : {"p99<250ms", "p99 < 250ms", "  p95 <= 1.5s ", "p50>=100us",
                                 "p75>0", "p90<250", "p999<1s", "p99.9 < 2 s", "max<=3000ms",
                                 "mean<20.5ms", "errors<1%", "errors <= 0.5 %", "errors<10",
                                 "rps>1000", "rps>=12.5", "requests>=1000", "P99<250MS"})
            QTest::newRow(text) << text;
    }
    void parsesGood() {
        QFETCH(QString, text);
        const auto parsed = Threshold::parse(text.toStdString());
        if (auto* error = std::get_if<std::string>(&parsed))
            QFAIL(error->c_str());
        QCOMPARE(std::get<Threshold>(parsed).text(), text.trimmed().toStdString());
    }
    void refusesBad_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("message");
        QTest::newRow("empty") << "  "
                               << "empty threshold; write METRIC OP VALUE, e.g. p99<250ms";
        QTest::newRow("no metric") << "<250ms"
                                   << "\"<250ms\" does not start with a metric; use p50, p75";
        QTest::newRow("unknown metric")
            << "p98<250ms"
            << "unknown metric \"p98\"; use p50, p75, p90, p95, p99, p999 (or p99.9), max, mean, "
               "errors, rps or requests";
        QTest::newRow("k6 name") << "http_req_duration<250"
                                 << "unknown metric \"http_req_duration\"";
        QTest::newRow("no operator") << "p99"
                                     << "p99 needs an operator and a limit, e.g. p99<250ms";
        QTest::newRow("equals") << "p99=250ms"
                                << "expected <, <=, > or >= after p99, not \"=250ms\"";
        QTest::newRow("double equals") << "errors == 0"
                                       << "expected <, <=, > or >= after errors";
        QTest::newRow("no value") << "p99 <"
                                  << "missing a limit after p99<";
        QTest::newRow("word value") << "rps>lots"
                                    << "expected a number after rps>, not \"lots\"";
        QTest::newRow("negative value") << "p99<-5"
                                        << "expected a number after p99<, not \"-5\"";
        QTest::newRow("two dots") << "p99<1.2.3ms"
                                  << "\"1.2.3\" is not a number";
        QTest::newRow("latency in percent")
            << "p99<5%"
            << "p99 takes a time in us, ms or s (no unit means ms), not \"%\"";
        QTest::newRow("latency in minutes") << "mean<1m"
                                            << "mean takes a time in us, ms or s";
        QTest::newRow("errors in ms")
            << "errors<5ms"
            << "errors takes a count (errors<10) or a percentage (errors<1%), not \"ms\"";
        QTest::newRow("errors over 100%") << "errors<150%"
                                          << "an error percentage is at most 100, not 150";
        QTest::newRow("rps with unit") << "rps>100/s"
                                       << "rps takes a plain number, not \"/s\"";
        QTest::newRow("requests with unit") << "requests>=10k"
                                            << "requests takes a plain number, not \"k\"";
    }
    void refusesBad() {
        QFETCH(QString, text);
        QFETCH(QString, message);
        const auto parsed = Threshold::parse(text.toStdString());
        QVERIFY(std::holds_alternative<std::string>(parsed));
        const QString error = QString::fromStdString(std::get<std::string>(parsed));
        QVERIFY2(error.startsWith(message), qPrintable(error));
    }

    void evaluatesExactly_data() {
        QTest::addColumn<QString>("threshold");
        QTest::addColumn<bool>("passed");
        QTest::addColumn<QString>("text");
        // max and mean are exact in the histogram; counts and rates are plain arithmetic.
        QTest::newRow("max fails") << "max<1s" << false << "max = 1 s (limit < 1 s): FAILED";
        QTest::newRow("max passes") << "max<=1s" << true << "max = 1 s (limit <= 1 s): passed";
        QTest::newRow("max in us")
            << "max<1000001us" << true << "max = 1000000 us (limit < 1000001 us): passed";
        QTest::newRow("mean") << "mean<600" << true << "mean = 500.5 ms (limit < 600 ms): passed";
        QTest::newRow("error share")
            << "errors<1%" << false << "errors = 2.5% (limit < 1%): FAILED";
        QTest::newRow("error count")
            << "errors <= 25" << true << "errors = 25 (limit <= 25): passed";
        QTest::newRow("rps") << "rps>1000" << false << "rps = 100 (limit > 1000): FAILED";
        QTest::newRow("requests") << "requests>=1000" << true
                                  << "requests = 1000 (limit >= 1000): passed";
    }
    void evaluatesExactly() {
        QFETCH(QString, threshold);
        QFETCH(bool, passed);
        QFETCH(QString, text);
        const ThresholdResult result = evaluate(qPrintable(threshold), tenSecondRun());
        QCOMPARE(QString::fromStdString(result.text), text);
        QCOMPARE(result.passed, passed);
    }
    void evaluatesPercentiles() {
        // The histogram knows a value within 1/128, so p99 of 1..1000 ms is 990 ms +- 8.
        const RunReport report = tenSecondRun();
        const ThresholdResult p99 = evaluate("p99<250ms", report);
        QVERIFY(!p99.passed);
        const QRegularExpression shape(R"(^p99 = (\d+(\.\d)?) ms \(limit < 250 ms\): FAILED$)");
        const auto match = shape.match(QString::fromStdString(p99.text));
        QVERIFY2(match.hasMatch(), p99.text.c_str());
        QVERIFY(std::abs(match.captured(1).toDouble() - 990) <= 8);

        QVERIFY(evaluate("p50 < 0.6s", report).passed);
        QVERIFY(!evaluate("p50 < 0.45s", report).passed);
        QVERIFY(evaluate("p99.9 >= 990", report).passed);
        QVERIFY(evaluate("p999 <= 1s", report).passed);
        QVERIFY(evaluate("p75 > 700ms", report).passed);
        QVERIFY(evaluate("p90 < 920ms", report).passed);
        QVERIFY(evaluate("p95 > 900000us", report).passed);
    }
    void openModelUsesCorrectedLatency() {
        RunReport report;
        report.final.model = LoadShape::Model::Open;
        report.final.elapsed = 1s;
        report.final.requests = 100;
        for (int i = 0; i < 100; ++i) {
            report.final.latency.recordMicros(10'000);           // from the intended send time
            report.final.latencyUncorrected.recordMicros(1'000); // from the actual send
        }
        const ThresholdResult result = evaluate("p99<5ms", report);
        QVERIFY(!result.passed);
        QCOMPARE(result.text, std::string("p99 = 10 ms (limit < 5 ms): FAILED"));
    }
    void emptyRun() {
        RunReport report;
        report.final.elapsed = 5s;
        const ThresholdResult p99 = evaluate("p99<250ms", report);
        QVERIFY(!p99.passed);
        QCOMPARE(p99.text, std::string("p99: no requests completed (limit < 250 ms): FAILED"));
        QVERIFY(!evaluate("max>=0", report).passed);

        const ThresholdResult errors = evaluate("errors<1%", report);
        QVERIFY(errors.passed);
        QCOMPARE(errors.text, std::string("errors = 0% (limit < 1%): passed"));
        QCOMPARE(evaluate("rps>1000", report).text, std::string("rps = 0 (limit > 1000): FAILED"));
        QVERIFY(evaluate("rps>=0", report).passed);
        QVERIFY(!evaluate("requests>0", report).passed);
    }
};

QTEST_APPLESS_MAIN(TestThreshold)
#include "tst_threshold.moc"
