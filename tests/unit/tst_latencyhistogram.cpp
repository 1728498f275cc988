#include "core/stats/LatencyHistogram.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <random>
#include <vector>

using namespace stampede;

namespace {

// Log-uniform from 1 µs to 100 s: every decade the design promises gets as many values.
std::vector<std::uint64_t> logUniformMicros(std::size_t n, std::uint64_t seed) {
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> exponent(0.0, std::log(100e6));
    std::vector<std::uint64_t> out;
    out.reserve(n);
    for (std::size_t i = 0; i < n; ++i)
        out.push_back(static_cast<std::uint64_t>(std::llround(std::exp(exponent(rng)))));
    return out;
}

bool within(double actual, double expected, double relative) {
    return std::abs(actual - expected) <= relative * expected;
}

} // namespace

class TestLatencyHistogram : public QObject {
    Q_OBJECT
private slots:
    void partsRebuildTheSameHistogram() {
        LatencyHistogram h;
        std::mt19937_64 random(11);
        for (int i = 0; i < 20000; ++i)
            h.recordMicros(random() % 3'000'000);
        std::string why;
        const auto back = LatencyHistogram::fromParts(h.parts(), &why);
        QVERIFY2(back, why.c_str());
        QCOMPARE(back->count(), h.count());
        QCOMPARE(back->min(), h.min());
        QCOMPARE(back->max(), h.max());
        for (double q : {0.0, 0.5, 0.9, 0.99, 0.999, 0.9999, 1.0})
            QCOMPARE(back->quantile(q), h.quantile(q));
        QVERIFY(std::abs(back->mean() - h.mean()) < 1e-6 * h.mean());
        QCOMPARE(LatencyHistogram::fromParts(LatencyHistogram().parts(), &why)->count(), 0u);
    }
    void inconsistentPartsAreRefusedSayingWhy() {
        LatencyHistogram h;
        h.recordMicros(10);
        h.recordMicros(5000);
        std::string why;
        auto parts = h.parts();
        parts.count = 3;
        QVERIFY(!LatencyHistogram::fromParts(parts, &why));
        QVERIFY2(why.find("the count says 3") != std::string::npos, why.c_str());
        parts = h.parts();
        parts.buckets.back().first = LatencyHistogram::kBucketCount;
        QVERIFY(!LatencyHistogram::fromParts(parts, &why));
        parts = h.parts();
        std::swap(parts.buckets.front(), parts.buckets.back());
        QVERIFY(!LatencyHistogram::fromParts(parts, &why));
        QVERIFY2(why.find("ascending") != std::string::npos, why.c_str());
        parts = h.parts();
        parts.max = 9;
        QVERIFY(!LatencyHistogram::fromParts(parts, &why));
        parts = h.parts();
        parts.sum = 1;
        QVERIFY(!LatencyHistogram::fromParts(parts, &why));
    }
    void everyValueLiesInItsBucketWithinOnePart128() {
        const auto values = logUniformMicros(100000, 42);
        for (const std::uint64_t v : values) {
            const std::size_t i = LatencyHistogram::indexOf(v);
            QVERIFY(i < LatencyHistogram::kBucketCount);
            const std::uint64_t lower = LatencyHistogram::lowerBound(i);
            const std::uint64_t upper = LatencyHistogram::upperBound(i);
            QVERIFY2(lower <= v && v < upper, qPrintable(QString::number(v)));
            if (v < LatencyHistogram::kSubBuckets) {
                // Below 128 µs every microsecond has its own bucket.
                QCOMPARE(lower, v);
                QCOMPARE(upper, v + 1);
            } else {
                // Integer form of (upper - lower) / lower <= 1/128, free of rounding.
                QVERIFY2((upper - lower) * 128 <= lower, qPrintable(QString::number(v)));
            }
        }
    }
    void bucketsTileTheRangeWithoutGapsOrOverlap() {
        // Each bucket must start where the previous one ended, or some value has no home.
        for (std::size_t i = 1; i < LatencyHistogram::kBucketCount; ++i)
            QCOMPARE(LatencyHistogram::lowerBound(i), LatencyHistogram::upperBound(i - 1));
        QCOMPARE(LatencyHistogram::lowerBound(0), std::uint64_t{0});
        QCOMPARE(LatencyHistogram::upperBound(LatencyHistogram::kBucketCount - 1),
                 std::uint64_t{1} << 32);
        for (std::size_t i = 0; i < LatencyHistogram::kBucketCount; ++i) {
            QCOMPARE(LatencyHistogram::indexOf(LatencyHistogram::lowerBound(i)), i);
            QCOMPARE(LatencyHistogram::indexOf(LatencyHistogram::upperBound(i) - 1), i);
        }
    }
    void quantilesOfAKnownSet() {
        LatencyHistogram h;
        for (std::uint64_t v = 1; v <= 100000; ++v)
            h.recordMicros(v);
        QCOMPARE(h.count(), std::uint64_t{100000});
        QCOMPARE(h.min(), std::uint64_t{1});
        QCOMPARE(h.max(), std::uint64_t{100000});
        QVERIFY2(within(double(h.quantile(0.50)), 50000, 0.01),
                 qPrintable(QString::number(h.quantile(0.50))));
        QVERIFY2(within(double(h.quantile(0.90)), 90000, 0.01),
                 qPrintable(QString::number(h.quantile(0.90))));
        QVERIFY2(within(double(h.quantile(0.99)), 99000, 0.01),
                 qPrintable(QString::number(h.quantile(0.99))));
        QVERIFY2(within(double(h.quantile(0.999)), 99900, 0.01),
                 qPrintable(QString::number(h.quantile(0.999))));
        QCOMPARE(h.quantile(1.0), std::uint64_t{100000});
        QCOMPARE(h.quantile(0.0), std::uint64_t{1});
        // Values below 128 µs are exact, so low quantiles are too: rank 100 is the value 100.
        QCOMPARE(h.quantile(0.001), std::uint64_t{100});
    }
    void quantilesOfLogUniformValuesAreWithinOnePercent() {
        auto values = logUniformMicros(100000, 7);
        LatencyHistogram h;
        for (const std::uint64_t v : values)
            h.recordMicros(v);
        std::sort(values.begin(), values.end());
        for (const double q : {0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99, 0.999, 0.9999}) {
            const auto rank = static_cast<std::size_t>(std::ceil(q * double(values.size())));
            const double exact = double(values[rank - 1]);
            const double got = double(h.quantile(q));
            QVERIFY2(within(got, exact, 0.01),
                     qPrintable(QStringLiteral("q=%1 exact=%2 got=%3").arg(q).arg(exact).arg(got)));
        }
    }
    void p100IsTheExactMax_data() {
        QTest::addColumn<quint64>("low");
        QTest::addColumn<quint64>("high");
        // 1007 lies in the upper half of its 4 µs wide bucket [1004, 1008), whose midpoint
        // 1005 is below it; 1004 lies in the lower half. Both must come back exactly.
        QTest::newRow("max in lower half of bucket") << quint64(1000) << quint64(1004);
        QTest::newRow("max in upper half of bucket") << quint64(1000) << quint64(1007);
        QTest::newRow("max 99 s, upper half") << quint64(1000) << quint64(99'999'999);
        // Beyond 2^32 µs the top bucket's midpoint is below every value in it.
        QTest::newRow("beyond the range") << quint64(1) << quint64(std::uint64_t{1} << 40);
    }
    void p100IsTheExactMax() {
        // quantile()'s own comment says the clamp makes p100 the exact max; anyone who asks
        // for p100 (a threshold, a chart marker) must get what max() says, not a midpoint.
        QFETCH(quint64, low);
        QFETCH(quint64, high);
        LatencyHistogram h;
        h.recordMicros(low);
        h.recordMicros(high);
        QCOMPARE(h.max(), std::uint64_t{high});
        QCOMPARE(h.quantile(1.0), std::uint64_t{high});
    }
    void quantileOfEmptyIsZero() {
        LatencyHistogram h;
        QCOMPARE(h.count(), std::uint64_t{0});
        QCOMPARE(h.quantile(0.0), std::uint64_t{0});
        QCOMPARE(h.quantile(0.5), std::uint64_t{0});
        QCOMPARE(h.quantile(1.0), std::uint64_t{0});
        QCOMPARE(h.min(), std::uint64_t{0});
        QCOMPARE(h.max(), std::uint64_t{0});
        QCOMPARE(h.mean(), 0.0);
        QVERIFY(h.buckets().empty());
    }
    void quantileClampsItsArgument() {
        LatencyHistogram h;
        h.recordMicros(10);
        h.recordMicros(20);
        QCOMPARE(h.quantile(-1.0), std::uint64_t{10});
        QCOMPARE(h.quantile(2.0), std::uint64_t{20});
    }
    void meanIsExact() {
        // The mean comes from an exact sum, not from bucket midpoints.
        LatencyHistogram h;
        const auto values = logUniformMicros(10000, 3);
        long double sum = 0;
        for (const std::uint64_t v : values) {
            h.recordMicros(v);
            sum += static_cast<long double>(v);
        }
        const double expected = static_cast<double>(sum / values.size());
        QVERIFY2(std::abs(h.mean() - expected) <= 1e-9 * expected,
                 qPrintable(QStringLiteral("%1 vs %2").arg(h.mean()).arg(expected)));

        LatencyHistogram small;
        small.recordMicros(1000);
        small.recordMicros(1003); // shares the bucket [1000, 1004) with 1000
        small.recordMicros(1007);
        QCOMPARE(small.mean(), 3010.0 / 3);
    }
    void recordRoundsNanosecondsToNearestMicro_data() {
        QTest::addColumn<qint64>("nanos");
        QTest::addColumn<quint64>("micros");
        QTest::newRow("0") << qint64(0) << quint64(0);
        QTest::newRow("499 ns") << qint64(499) << quint64(0);
        QTest::newRow("500 ns") << qint64(500) << quint64(1);
        QTest::newRow("1499 ns") << qint64(1499) << quint64(1);
        QTest::newRow("1500 ns") << qint64(1500) << quint64(2);
        QTest::newRow("2 ms") << qint64(2'000'000) << quint64(2000);
        QTest::newRow("12.3456 ms") << qint64(12'345'600) << quint64(12346);
        QTest::newRow("-1 ns") << qint64(-1) << quint64(0);
        QTest::newRow("-5 s") << qint64(-5'000'000'000) << quint64(0);
    }
    void recordRoundsNanosecondsToNearestMicro() {
        QFETCH(qint64, nanos);
        QFETCH(quint64, micros);
        LatencyHistogram h;
        h.record(std::chrono::nanoseconds(nanos));
        QCOMPARE(h.count(), std::uint64_t{1});
        QCOMPARE(h.min(), std::uint64_t{micros});
        QCOMPARE(h.max(), std::uint64_t{micros});
        QCOMPARE(h.mean(), double(micros));
    }
    void valuesBeyondTheRangeLandInTheTopBucket() {
        LatencyHistogram h;
        const std::uint64_t huge = (std::uint64_t{1} << 32) + 12345;
        const std::uint64_t huger = std::uint64_t{1} << 40;
        const std::uint64_t yearMicros = std::uint64_t{365} * 24 * 3600 * 1'000'000;
        h.recordMicros(huge);
        h.record(std::chrono::hours(24 * 365));
        h.recordMicros(huger);
        QCOMPARE(LatencyHistogram::indexOf(huge), LatencyHistogram::kBucketCount - 1);
        QCOMPARE(LatencyHistogram::indexOf(UINT64_MAX), LatencyHistogram::kBucketCount - 1);
        const auto buckets = h.buckets();
        QCOMPARE(buckets.size(), std::size_t{1});
        QCOMPARE(buckets.front().lower,
                 LatencyHistogram::lowerBound(LatencyHistogram::kBucketCount - 1));
        QCOMPARE(buckets.front().count, std::uint64_t{3});
        QCOMPARE(h.min(), huge);
        QCOMPARE(h.max(), yearMicros);
    }
    void mergeEqualsRecordingIntoOne() {
        const auto a = logUniformMicros(20000, 11);
        const auto b = logUniformMicros(30000, 12);
        LatencyHistogram ha, hb, all;
        for (const std::uint64_t v : a) {
            ha.recordMicros(v);
            all.recordMicros(v);
        }
        for (const std::uint64_t v : b) {
            hb.recordMicros(v);
            all.recordMicros(v);
        }
        ha.merge(hb);
        QCOMPARE(ha.count(), all.count());
        QCOMPARE(ha.min(), all.min());
        QCOMPARE(ha.max(), all.max());
        QCOMPARE(ha.mean(), all.mean());
        for (int i = 0; i <= 1000; ++i) {
            const double q = i / 1000.0;
            QCOMPARE(ha.quantile(q), all.quantile(q));
        }
        const auto mb = ha.buckets();
        const auto ab = all.buckets();
        QCOMPARE(mb.size(), ab.size());
        for (std::size_t i = 0; i < mb.size(); ++i) {
            QCOMPARE(mb[i].lower, ab[i].lower);
            QCOMPARE(mb[i].count, ab[i].count);
        }
    }
    void mergeWithEmptyChangesNothing() {
        LatencyHistogram h, empty;
        h.recordMicros(500);
        h.recordMicros(700);
        h.merge(empty);
        QCOMPARE(h.count(), std::uint64_t{2});
        QCOMPARE(h.min(), std::uint64_t{500});
        QCOMPARE(h.max(), std::uint64_t{700});
        QCOMPARE(h.mean(), 600.0);

        // And into an empty one: min must come from the other side, not stay "unset".
        empty.merge(h);
        QCOMPARE(empty.count(), std::uint64_t{2});
        QCOMPARE(empty.min(), std::uint64_t{500});
        QCOMPARE(empty.max(), std::uint64_t{700});
    }
    void resetEmpties() {
        LatencyHistogram h;
        for (const std::uint64_t v : logUniformMicros(1000, 5))
            h.recordMicros(v);
        h.reset();
        QCOMPARE(h.count(), std::uint64_t{0});
        QCOMPARE(h.min(), std::uint64_t{0});
        QCOMPARE(h.max(), std::uint64_t{0});
        QCOMPARE(h.mean(), 0.0);
        QCOMPARE(h.quantile(0.5), std::uint64_t{0});
        QVERIFY(h.buckets().empty());
        // Usable again, with no trace of the old min and max.
        h.recordMicros(300);
        QCOMPARE(h.min(), std::uint64_t{300});
        QCOMPARE(h.max(), std::uint64_t{300});
        QCOMPARE(h.quantile(0.5), std::uint64_t{300});
    }
    void bucketsListOnlyNonEmptyOnesAndSumToCount() {
        LatencyHistogram h;
        const auto values = logUniformMicros(50000, 9);
        for (const std::uint64_t v : values)
            h.recordMicros(v);
        h.recordMicros(0);
        const auto buckets = h.buckets();
        std::uint64_t sum = 0;
        std::uint64_t previousUpper = 0;
        for (const auto& b : buckets) {
            QVERIFY(b.count > 0);
            QVERIFY(b.lower < b.upper);
            QVERIFY(b.lower >= previousUpper); // ascending, no bucket twice
            previousUpper = b.upper;
            sum += b.count;
        }
        QCOMPARE(sum, h.count());
        QCOMPARE(buckets.front().lower, std::uint64_t{0});

        LatencyHistogram two;
        two.recordMicros(5);
        two.recordMicros(5);
        two.recordMicros(1'000'000);
        const auto tb = two.buckets();
        QCOMPARE(tb.size(), std::size_t{2});
        QCOMPARE(tb[0].lower, std::uint64_t{5});
        QCOMPARE(tb[0].upper, std::uint64_t{6});
        QCOMPARE(tb[0].count, std::uint64_t{2});
        QVERIFY(tb[1].lower <= 1'000'000 && 1'000'000 < tb[1].upper);
        QCOMPARE(tb[1].count, std::uint64_t{1});
    }
    void memoryIsFixed() {
        // 128 exact buckets, then 25 powers of two (2^7 .. 2^31) of 128 sub-buckets each.
        QCOMPARE(LatencyHistogram::kBucketCount, std::size_t{3328});
        // The "~26 KiB" of the header: the counts, plus a small fixed object.
        QVERIFY(LatencyHistogram::kBucketCount * sizeof(std::uint64_t) <= 26 * 1024);
        QVERIFY(sizeof(LatencyHistogram) <= 128);

        LatencyHistogram few, many;
        for (const std::uint64_t v : logUniformMicros(10, 1))
            few.recordMicros(v);
        for (const std::uint64_t v : logUniformMicros(1'000'000, 1))
            many.recordMicros(v);
        QCOMPARE(many.count(), std::uint64_t{1'000'000});
        QVERIFY(few.buckets().size() <= 10);
        // A million values still fit in the fixed set of buckets, not one slot per value.
        QVERIFY(many.buckets().size() <= LatencyHistogram::kBucketCount);
        QVERIFY(many.buckets().size() > few.buckets().size());
    }
};

QTEST_APPLESS_MAIN(TestLatencyHistogram)
#include "tst_latencyhistogram.moc"
