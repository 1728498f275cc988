#include "core/server/LatencySpec.h"

#include <QTest>

using namespace stampede;
using namespace std::chrono_literals;

class TestLatencySpec : public QObject {
    Q_OBJECT
private slots:
    void fixed() {
        const auto r = LatencySpec::parse("fixed:12.5");
        QVERIFY(r.ok());
        std::mt19937_64 rng(1);
        QCOMPARE(r.spec().sample(rng), 12500us);
        QCOMPARE(r.spec().describe(), std::string("fixed 12.5 ms"));
    }
    void uniformStaysInRange() {
        const auto r = LatencySpec::parse("uniform:10-20");
        QVERIFY(r.ok());
        std::mt19937_64 rng(7);
        std::chrono::microseconds lo = 1h, hi = 0us;
        for (int i = 0; i < 10000; ++i) {
            const auto v = r.spec().sample(rng);
            lo = std::min(lo, v);
            hi = std::max(hi, v);
        }
        QVERIFY(lo >= 10ms && lo < 11ms);
        QVERIFY(hi <= 20ms && hi > 19ms);
    }
    void exponentialHasItsMean() {
        const auto r = LatencySpec::parse("exp:10");
        QVERIFY(r.ok());
        std::mt19937_64 rng(3);
        double sum = 0;
        const int n = 100000;
        for (int i = 0; i < n; ++i)
            sum += std::chrono::duration<double, std::milli>(r.spec().sample(rng)).count();
        // Standard error of the mean is 10/sqrt(n) ~ 0.03 ms; 0.3 ms is 10 sigma.
        QVERIFY2(std::abs(sum / n - 10.0) < 0.3, qPrintable(QString::number(sum / n)));
    }
    void errorsSayWhatIsWrong_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("no kind") << "12"
                                 << "must look like";
        QTest::newRow("unknown kind") << "gauss:3"
                                      << "unknown latency kind 'gauss'";
        QTest::newRow("fixed junk") << "fixed:abc"
                                    << "fixed latency needs";
        QTest::newRow("fixed negative") << "fixed:-1"
                                        << "fixed latency needs";
        QTest::newRow("fixed huge") << "fixed:60001"
                                    << "fixed latency needs";
        QTest::newRow("uniform one value") << "uniform:5"
                                           << "uniform latency needs A-B";
        QTest::newRow("uniform reversed") << "uniform:9-3"
                                          << "A <= B";
        QTest::newRow("exp zero") << "exp:0"
                                  << "mean above 0";
    }
    void errorsSayWhatIsWrong() {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        const auto r = LatencySpec::parse(text.toStdString());
        QVERIFY(!r.ok());
        QVERIFY2(QString::fromStdString(r.error()).contains(expected), r.error().c_str());
    }
};

QTEST_APPLESS_MAIN(TestLatencySpec)
#include "tst_latencyspec.moc"
