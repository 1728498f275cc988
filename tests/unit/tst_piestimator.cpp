// The Monte Carlo π demo's core: its estimate is statistically right, repeatable from a seed,
// meets an accuracy target, stops promptly, and its sweep and Amdahl fit hold together.
#include "core/lab/pi/AmdahlFit.h"
#include "core/lab/pi/GlobalLock.h"
#include "core/lab/pi/PiEstimator.h"
#include "core/lab/pi/PiSweep.h"
#include "core/lab/pi/SplitMix64.h"
#include "tests/common/BuildFlavour.h"

#include <QTest>

#include <atomic>
#include <chrono>
#include <cmath>
#include <numbers>
#include <thread>

using namespace stampede;
using namespace std::chrono_literals;

namespace {

PiOptions settings(int threads, std::uint64_t samples, std::uint64_t seed = 7) {
    PiOptions s;
    s.threads = threads;
    s.samples = samples;
    s.chunk = 100'000;
    s.seed = seed;
    return s;
}

} // namespace

class TestPiEstimator : public QObject {
    Q_OBJECT
private slots:
    void splitMixMatchesItsReferenceOutput() {
        // First outputs of the reference SplitMix64 seeded with 1234567 (Vigna's splitmix64.c).
        SplitMix64 generator(1234567);
        QCOMPARE(generator.next(), 6457827717110365317ULL);
        QCOMPARE(generator.next(), 3203168211198807973ULL);
    }
    void estimateIsWithinFourStandardErrorsOfPi_data() {
        QTest::addColumn<int>("threads");
        QTest::addColumn<quint64>("seed");
        QTest::newRow("1 thread") << 1 << quint64(1);
        QTest::newRow("2 threads") << 2 << quint64(2);
        QTest::newRow("3 threads, odd split") << 3 << quint64(3);
    }
    void estimateIsWithinFourStandardErrorsOfPi() {
        QFETCH(int, threads);
        QFETCH(quint64, seed);
        const PiProgress run = PiEstimator::run(settings(threads, 20'000'001, seed));
        QVERIFY(run.finished);
        QVERIFY(!run.stopped);
        QCOMPARE(run.tally.samples, 20'000'001ULL);
        QCOMPARE(int(run.lanes.size()), threads);
        const double sigma = run.tally.standardError();
        // 4 · sqrt(p(1-p)/n) with p = π/4 and n = 2·10^7: about 3.7e-4.
        QVERIFY2(sigma > 3e-4 && sigma < 4.5e-4, qPrintable(QString::number(sigma)));
        QVERIFY2(std::abs(run.tally.estimate() - std::numbers::pi) < 4 * sigma,
                 qPrintable(QString::number(run.tally.estimate(), 'f', 6)));
        std::uint64_t laneSamples = 0;
        for (const PiLaneFigures& lane : run.lanes)
            laneSamples += lane.tally.samples;
        QCOMPARE(laneSamples, run.tally.samples);
    }
    void sameSeedSameEstimateOtherSeedOther() {
        const PiProgress a = PiEstimator::run(settings(2, 3'000'000, 42));
        const PiProgress b = PiEstimator::run(settings(2, 3'000'000, 42));
        const PiProgress c = PiEstimator::run(settings(2, 3'000'000, 43));
        QCOMPARE(a.tally.hits, b.tally.hits);
        for (int i = 0; i < 2; ++i)
            QCOMPARE(a.lanes[i].tally.hits, b.lanes[i].tally.hits);
        QVERIFY(a.tally.hits != c.tally.hits);
        // A thread's stream does not depend on the chunk size either.
        PiOptions bigChunks = settings(2, 3'000'000, 42);
        bigChunks.chunk = 1'000'000;
        QCOMPARE(PiEstimator::run(bigChunks).tally.hits, a.tally.hits);
    }
    void checkpointsShowTheEarlyCurveWithinItsFunnel() {
        const PiProgress run = PiEstimator::run(settings(2, 10'000'000, 11));
        const auto& points = run.checkpoints;
        QVERIFY(points.size() >= 30);
        QVERIFY2(points.front().samples <= 10'000,
                 qPrintable(QString::number(points.front().samples)));
        QVERIFY(points.back().samples <= run.tally.samples);
        for (std::size_t i = 0; i < points.size(); ++i) {
            if (i > 0)
                QVERIFY(points[i].samples > points[i - 1].samples);
            constexpr double p = std::numbers::pi / 4;
            const double sigma = 4 * std::sqrt(p * (1 - p) / double(points[i].samples));
            QVERIFY2(
                std::abs(points[i].estimate() - std::numbers::pi) < 6 * sigma,
                qPrintable(QString("%1 at n=%2").arg(points[i].estimate()).arg(points[i].samples)));
        }
    }
    void aCheckpointIsTheRunOfThatManySamples_data() {
        QTest::addColumn<int>("threads");
        QTest::newRow("1 thread") << 1;
        QTest::newRow("3 threads") << 3;
    }
    void aCheckpointIsTheRunOfThatManySamples() {
        // Checkpoint i of every worker together is exactly the estimate a run of that many
        // samples gives: each worker's share is then its checkpoint count.
        QFETCH(int, threads);
        const PiProgress run = PiEstimator::run(settings(threads, 2'000'000, 5));
        QVERIFY(run.checkpoints.size() > 20);
        for (std::size_t i : {std::size_t{0}, std::size_t{7}, run.checkpoints.size() - 1}) {
            const PiTally point = run.checkpoints[i];
            QCOMPARE(point.samples % std::uint64_t(threads), 0ULL);
            const PiProgress shorter = PiEstimator::run(settings(threads, point.samples, 5));
            QCOMPARE(point.hits, shorter.tally.hits);
            QCOMPARE(shorter.checkpoints.back().samples, point.samples);
        }
        // The checkpoints cut the drawing but change no figure.
        PiOptions oneChunk = settings(threads, 2'000'000, 5);
        oneChunk.chunk = PiOptions::kMaxChunk;
        QCOMPARE(PiEstimator::run(oneChunk).tally.hits, run.tally.hits);
    }
    void accuracyTargetStopsOnceTheErrorIsBelowIt() {
        PiOptions s = settings(2, 2'000'000'000);
        s.targetError = 1e-3;
        const PiProgress run = PiEstimator::run(s);
        QVERIFY(run.targetReached);
        QVERIFY(run.tally.standardError() < 1e-3);
        // 4·sqrt(p(1-p)/n) < 1e-3 needs n > ~2.7 M; rounds are 2 × 100 000 samples.
        QVERIFY2(run.tally.samples > 2'500'000 && run.tally.samples < 3'200'000,
                 qPrintable(QString::number(run.tally.samples)));
        QCOMPARE(run.tally.samples % 200'000, 0ULL);
        // The round is found from the data alone, so it does not depend on timing.
        const PiProgress again = PiEstimator::run(s);
        QCOMPARE(again.tally.samples, run.tally.samples);
        QCOMPARE(again.tally.hits, run.tally.hits);
    }
    void accuracyTargetOutOfReachEndsAtTheCap() {
        PiOptions s = settings(2, 1'000'000);
        s.targetError = 1e-6;
        const PiProgress run = PiEstimator::run(s);
        QVERIFY(run.finished);
        QVERIFY(!run.targetReached);
        QCOMPARE(run.tally.samples, 1'000'000ULL);
    }
    void stopEndsEveryThreadPromptly() {
        const auto began = std::chrono::steady_clock::now();
        PiEstimator estimator(settings(2, PiOptions::kMaxSamples));
        estimator.start();
        QTRY_VERIFY(estimator.progress().tally.samples > 0);
        estimator.requestStop();
        QVERIFY(estimator.wait(std::chrono::milliseconds(int(2000 * kTimingSlack))));
        const PiProgress progress = estimator.progress();
        QVERIFY(progress.finished);
        QVERIFY(progress.stopped);
        QVERIFY(progress.tally.samples < PiOptions::kMaxSamples);
        QVERIFY(std::chrono::steady_clock::now() - began < 30s);
    }
    void destroyingARunningEstimatorJoinsIt() {
        auto estimator = std::make_unique<PiEstimator>(settings(2, PiOptions::kMaxSamples));
        estimator->start();
        QTRY_VERIFY(estimator->progress().lanes[1].tally.samples > 0);
        estimator.reset(); // would hang here if a worker missed the stop
    }
    void progressIsReadableWhileRunning() {
        PiEstimator estimator(settings(2, 50'000'000));
        estimator.start();
        QVERIFY(!estimator.progress().finished || estimator.progress().tally.samples > 0);
        QVERIFY(estimator.wait(60s));
        const PiProgress done = estimator.progress();
        QCOMPARE(done.tally.samples, 50'000'000ULL);
        QVERIFY(done.seconds > 0);
        QVERIFY(done.samplesPerSecond() > 0);
        for (const PiLaneFigures& lane : done.lanes)
            QVERIFY(lane.samplesPerSecond() > 0);
    }
    void sweepHasOneRowPerThreadCountStartingAtOne() {
        PiSweep sweep({settings(1, 4'000'000), 3});
        sweep.start();
        QVERIFY(sweep.wait(60s));
        const auto rows = sweep.progress().rows;
        QCOMPARE(int(rows.size()), 3);
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(rows[i].threads, i + 1);
            QVERIFY(rows[i].seconds > 0);
            QVERIFY(rows[i].speedup > 0);
        }
        QCOMPARE(rows[0].speedup, 1.0);
        // Same seed and samples, more threads: other streams, still an estimate of π.
        QVERIFY(std::abs(rows[2].estimate - std::numbers::pi) < 0.01);
    }
    // The global lock: one holder at a time (the spans of the run never overlap), every
    // worker still draws its own share, and a waiter's stop ends its wait.
    void underTheGlobalLockChunksNeverOverlap() {
        PiOptions s = settings(3, 3'000'000);
        s.gil = true;
        const PiProgress locked = PiEstimator::run(s);
        QVERIFY(!locked.stopped);
        std::vector<PiSpan> drawing;
        int waits = 0;
        QCOMPARE(locked.spans.size(), std::size_t{3});
        for (const auto& lane : locked.spans)
            for (const PiSpan& span : lane)
                span.waiting ? void(++waits) : drawing.push_back(span);
        QCOMPARE(drawing.size(), std::size_t{30}); // 1e6 each, in chunks of 1e5
        QCOMPARE(waits, 30);                       // one wait before every chunk
        std::sort(drawing.begin(), drawing.end(),
                  [](const PiSpan& a, const PiSpan& b) { return a.startMs < b.startMs; });
        for (std::size_t i = 1; i < drawing.size(); ++i)
            QVERIFY(drawing[i].startMs >= drawing[i - 1].endMs);
        s.gil = false;
        QCOMPARE(PiEstimator::run(s).tally.hits, locked.tally.hits);
    }
    void aStopEndsAWaitForTheGlobalLock() {
        GlobalLock lock;
        QVERIFY(lock.acquire({}));
        std::stop_source stop;
        std::atomic<int> result{-1};
        std::thread waiter([&] { result = lock.acquire(stop.get_token()) ? 1 : 0; });
        stop.request_stop();
        waiter.join();
        QCOMPARE(result.load(), 0);
        lock.release();
        QVERIFY(lock.acquire({})); // the line is clear: the stopped waiter left it
        lock.release();
    }
    void theGlobalLockServesWaitersInTheOrderTheyCame() {
        GlobalLock lock;
        QVERIFY(lock.acquire({}));
        std::mutex orderMutex;
        std::vector<int> order;
        std::vector<std::jthread> waiters;
        for (int i = 0; i < 3; ++i) {
            // One at a time, so their place in line is known: each asks only once the one
            // before it is in line.
            waiters.emplace_back([&, i] {
                if (lock.acquire({})) {
                    {
                        const std::lock_guard guard(orderMutex);
                        order.push_back(i);
                    }
                    lock.release();
                }
            });
            QTRY_COMPARE(lock.waiting(), i + 1);
        }
        lock.release();
        waiters.clear(); // joins
        QCOMPARE(order, (std::vector<int>{0, 1, 2}));
    }
    void aSweepWithTheLockRunsBothSeries() {
        PiOptions s = settings(1, 2'000'000);
        s.gil = true;
        PiSweep sweep({s, 2});
        sweep.start();
        QVERIFY(sweep.wait(60s));
        const auto rows = sweep.progress().rows;
        QCOMPARE(int(rows.size()), 4);
        QVERIFY(!rows[0].gil && !rows[1].gil && rows[2].gil && rows[3].gil);
        QCOMPARE(rows[2].threads, 1);
        QCOMPARE(rows[2].speedup, 1.0); // over one thread under the lock
        QVERIFY(PiSweep::row(rows, 2, true));
        QVERIFY(!PiSweep::row(rows, 3, true));
    }
    void sweepStopsPromptly() {
        PiSweep sweep({settings(1, PiOptions::kMaxSamples), 4});
        sweep.start();
        sweep.requestStop();
        QVERIFY(sweep.wait(std::chrono::milliseconds(int(2000 * kTimingSlack))));
        QVERIFY(sweep.progress().rows.empty());
    }
    void amdahlFitRecoversTheSerialFraction() {
        const AmdahlFit truth(0.1);
        std::vector<AmdahlFit::Point> points;
        for (int n = 1; n <= 8; ++n)
            points.push_back({n, truth.speedup(n)});
        const auto fit = AmdahlFit::fit(points);
        QVERIFY(fit);
        QVERIFY(std::abs(fit->serialFraction() - 0.1) < 1e-12);
        QCOMPARE(AmdahlFit(0).speedup(4), 4.0);
        QCOMPARE(AmdahlFit(1).speedup(4), 1.0);
        // One thread alone says nothing about f; better-than-ideal noise clamps to 0.
        QVERIFY(!AmdahlFit::fit(std::vector<AmdahlFit::Point>{{1, 1.0}}));
        QCOMPARE(
            AmdahlFit::fit(std::vector<AmdahlFit::Point>{{1, 1.0}, {2, 2.1}})->serialFraction(),
            0.0);
    }
    void sweepFitIgnoresThreadsBeyondTheCores() {
        // Two cores: 4 threads cannot beat 2; that is the hardware, not serial work.
        const std::vector<PiSweepRow> rows{
            {1, 4.0, 1.0, 0, 0}, {2, 2.0, 2.0, 0, 0}, {3, 2.0, 2.0, 0, 0}, {4, 2.0, 2.0, 0, 0}};
        QCOMPARE(PiSweep::fit(rows, 2)->serialFraction(), 0.0);
        QVERIFY(PiSweep::fit(rows, 4)->serialFraction() > 0.2);
    }
    void settingsProblemsNameTheField() {
        PiOptions s;
        QVERIFY(!s.problem());
        s.threads = 0;
        QVERIFY(s.problem()->starts_with("threads"));
        s = PiOptions{};
        s.chunk = PiOptions::kMaxChunk + 1;
        QVERIFY(s.problem()->starts_with("chunk"));
        s = PiOptions{};
        s.targetError = 0;
        QVERIFY(s.problem()->starts_with("accuracy"));
    }
};

QTEST_GUILESS_MAIN(TestPiEstimator)
#include "tst_piestimator.moc"
