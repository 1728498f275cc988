#include "core/plan/StageProfile.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <vector>

using namespace stampede;
using namespace std::chrono_literals;

namespace {

bool near(double actual, double expected, double tolerance = 1e-9) {
    return std::abs(actual - expected) <= tolerance * std::max(1.0, std::abs(expected));
}

QString pair(double actual, double expected) {
    return QStringLiteral("actual %1, expected %2")
        .arg(actual, 0, 'g', 17)
        .arg(expected, 0, 'g', 17);
}

} // namespace

class TestStageProfile : public QObject {
    Q_OBJECT
private slots:
    void noStagesIsConstant() {
        const StageProfile p(40, {});
        for (const double t : {0.0, 0.5, 1.0, 17.25, 3600.0}) {
            QCOMPARE(p.valueAt(t), 40.0);
            QVERIFY2(near(p.countBy(t), 40 * t), qPrintable(pair(p.countBy(t), 40 * t)));
        }
        for (const double k : {1.0, 2.0, 40.0, 41.0, 1e6}) {
            QVERIFY2(near(p.timeOfCount(k), k / 40), qPrintable(pair(p.timeOfCount(k), k / 40)));
        }
        QCOMPARE(p.timeOfCount(0), 0.0);
        // Before the start nothing is due yet.
        QCOMPARE(p.countBy(-1), 0.0);
        QCOMPARE(p.valueAt(-1), 40.0);
    }
    void zeroBaseWithoutStagesNeverReachesACount() {
        const StageProfile p(0, {});
        QCOMPARE(p.valueAt(10), 0.0);
        QCOMPARE(p.countBy(1e6), 0.0);
        QVERIFY(std::isinf(p.timeOfCount(1)));
        QVERIFY(p.timeOfCount(1) > 0);
    }
    void rampFromZero() {
        // 0 -> 100 over 10 s: level 10 t, count 5 t^2.
        const StageProfile p(0, {Stage{10s, 100}});
        QCOMPARE(p.valueAt(0), 0.0);
        QVERIFY(near(p.valueAt(5), 50));
        QVERIFY(near(p.valueAt(2.5), 25));
        QVERIFY(near(p.countBy(5), 125));
        QVERIFY2(near(p.countBy(10), 500), qPrintable(pair(p.countBy(10), 500)));
        QVERIFY2(near(p.timeOfCount(125), 5), qPrintable(pair(p.timeOfCount(125), 5)));
        QVERIFY2(near(p.timeOfCount(5), 1), qPrintable(pair(p.timeOfCount(5), 1)));
        QVERIFY2(near(p.timeOfCount(500), 10), qPrintable(pair(p.timeOfCount(500), 10)));
        // After the last stage the level holds at its target.
        QVERIFY(near(p.valueAt(10), 100));
        QVERIFY(near(p.valueAt(60), 100));
        QVERIFY(near(p.countBy(12), 700));
        QVERIFY2(near(p.timeOfCount(600), 11), qPrintable(pair(p.timeOfCount(600), 11)));
    }
    void rampThenHold() {
        // 0 -> 20 over 4 s (count 40), hold 20 for 6 s (count 120), then down to 0 over 2 s
        // (count 20), and it stays at 0: nothing more is ever due.
        const StageProfile p(0, {Stage{4s, 20}, Stage{6s, 20}, Stage{2s, 0}});
        QVERIFY(near(p.valueAt(2), 10));
        QVERIFY(near(p.valueAt(4), 20));
        QVERIFY(near(p.valueAt(7), 20));
        QVERIFY(near(p.valueAt(11), 10));
        QVERIFY(near(p.valueAt(12), 0));
        QVERIFY(near(p.valueAt(100), 0));
        QVERIFY(near(p.countBy(4), 40));
        QVERIFY(near(p.countBy(7), 100));
        QVERIFY(near(p.countBy(10), 160));
        QVERIFY(near(p.countBy(11), 175));
        QVERIFY(near(p.countBy(12), 180));
        QVERIFY(near(p.countBy(1000), 180));
        QVERIFY2(near(p.timeOfCount(100), 7), qPrintable(pair(p.timeOfCount(100), 7)));
        // On the way down: 160 + 20 x - 5 x^2 = 175 at x = 1.
        QVERIFY2(near(p.timeOfCount(175), 11), qPrintable(pair(p.timeOfCount(175), 11)));
        QVERIFY2(near(p.timeOfCount(180), 12), qPrintable(pair(p.timeOfCount(180), 12)));
        QVERIFY(std::isinf(p.timeOfCount(180.5)));
    }
    void zeroRateStageIsSkipped() {
        // 10/s for 5 s (count 50), a 1 s step down (count 55 at 6 s), 5 s at zero, a 1 s
        // step up to 10/s from 11 s, then 10/s. No request may fall into the silent gap.
        const StageProfile p(10, {Stage{5s, 10}, Stage{1s, 0}, Stage{5s, 0}, Stage{1s, 10}});
        QVERIFY(near(p.valueAt(8), 0));
        QVERIFY(near(p.countBy(6), 55));
        QVERIFY(near(p.countBy(11), 55));
        QVERIFY(near(p.countBy(12), 60));
        QVERIFY2(near(p.timeOfCount(55), 6), qPrintable(pair(p.timeOfCount(55), 6)));
        // The next one is due in the up-ramp: 5 x^2 = 1 at x = sqrt(0.2).
        const double next = 11 + std::sqrt(0.2);
        QVERIFY2(near(p.timeOfCount(56), next), qPrintable(pair(p.timeOfCount(56), next)));
        QVERIFY(p.timeOfCount(55.000001) > 11);
        QVERIFY2(near(p.timeOfCount(60), 12), qPrintable(pair(p.timeOfCount(60), 12)));
        QVERIFY2(near(p.timeOfCount(70), 13), qPrintable(pair(p.timeOfCount(70), 13)));
    }
    void zeroRateBetweenStepsFromBaseZero() {
        // Starting at zero and holding zero before ramping: the first request waits for it.
        const StageProfile p(0, {Stage{3s, 0}, Stage{2s, 4}});
        QCOMPARE(p.countBy(3), 0.0);
        // 0 -> 4 over 2 s: level 2 x, count x^2; 1 at x = 1.
        QVERIFY2(near(p.timeOfCount(1), 4), qPrintable(pair(p.timeOfCount(1), 4)));
        QVERIFY2(near(p.timeOfCount(4), 5), qPrintable(pair(p.timeOfCount(4), 5)));
        QVERIFY2(near(p.timeOfCount(8), 6), qPrintable(pair(p.timeOfCount(8), 6)));
    }
    void countAndTimeRoundTrip() {
        const StageProfile p(5, {Stage{10s, 50}, Stage{20s, 50}, Stage{5s, 200}, Stage{500ms, 0},
                                 Stage{2s, 0}, Stage{30s, 120}, Stage{7500ms, 30}});
        const double total = p.countBy(100);
        QVERIFY(total > 5000);
        int checked = 0;
        for (double k = 1; k < total; k += 0.7311, ++checked) {
            const double t = p.timeOfCount(k);
            QVERIFY2(std::isfinite(t), qPrintable(QString::number(k)));
            const double back = p.countBy(t);
            QVERIFY2(std::abs(back - k) <= 1e-6 * k,
                     qPrintable(
                         QStringLiteral("k=%1 t=%2 back=%3").arg(k).arg(t).arg(back, 0, 'g', 17)));
        }
        QVERIFY(checked > 5000);
        // And the other way: times are increasing in count.
        double previous = 0;
        for (double k = 1; k < total; k += 13) {
            const double t = p.timeOfCount(k);
            QVERIFY(t > previous);
            previous = t;
        }
    }
    void countByIsTheIntegralOfValueAt() {
        // Midpoint rule on a piecewise-linear level is exact per piece, bar the kinks.
        const StageProfile p(5, {Stage{10s, 50}, Stage{5s, 200}, Stage{3s, 0}, Stage{4s, 80}});
        const double dt = 0.001;
        double integral = 0;
        for (int i = 0; i < 30000; ++i) {
            const double t0 = i * dt;
            integral += p.valueAt(t0 + dt / 2) * dt;
            if ((i + 1) % 1000 == 0) {
                const double t1 = (i + 1) * dt;
                QVERIFY2(std::abs(p.countBy(t1) - integral) < 1e-6 * std::max(1.0, integral),
                         qPrintable(pair(p.countBy(t1), integral)));
            }
        }
    }
    void zeroDurationStageIsIgnored() {
        const StageProfile with(10,
                                {Stage{0s, 500}, Stage{10s, 100}, Stage{0ms, 7}, Stage{5s, 20}});
        const StageProfile without(10, {Stage{10s, 100}, Stage{5s, 20}});
        for (double t = -1; t < 30; t += 0.37) {
            QCOMPARE(with.valueAt(t), without.valueAt(t));
            QCOMPARE(with.countBy(t), without.countBy(t));
        }
        for (double k = 1; k < 2000; k += 9.5)
            QCOMPARE(with.timeOfCount(k), without.timeOfCount(k));
        // The level ramps from the base, not from the ignored stage's 500.
        QVERIFY(near(with.valueAt(5), 55));
    }
};

QTEST_APPLESS_MAIN(TestStageProfile)
#include "tst_stageprofile.moc"
