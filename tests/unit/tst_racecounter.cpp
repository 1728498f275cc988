// The race demo's core: the synchronised modes are always exact, the unsynchronised one keeps
// to the bounds that hold in every interleaving, and the wallet balances under a mutex.
#include "core/lab/race/RaceCounter.h"
#include "core/lab/race/RaceExperiment.h"
#include "core/lab/race/WalletRace.h"
#include "tests/common/BuildFlavour.h"

#include <QTest>

#include <chrono>

using namespace stampede;
using namespace std::chrono_literals;

class TestRaceCounter : public QObject {
    Q_OBJECT
private slots:
    void synchronisedModesAreAlwaysExact_data() {
        QTest::addColumn<int>("mode");
        QTest::addColumn<int>("threads");
        for (RaceMode mode : {RaceMode::Mutex, RaceMode::Atomic, RaceMode::PerThread})
            for (int threads : {1, 2, 4})
                QTest::addRow("%s x%d", raceModeName(mode).data(), threads) << int(mode) << threads;
    }
    void synchronisedModesAreAlwaysExact() {
        QFETCH(int, mode);
        QFETCH(int, threads);
        for (int round = 0; round < 3; ++round) {
            const RaceOutcome r = RaceCounter::run(RaceMode(mode), threads, 200'000);
            QCOMPARE(r.expected, std::int64_t(threads) * 200'000);
            QCOMPARE(r.actual, r.expected);
            QCOMPARE(r.lost(), 0);
            QVERIFY(!r.stopped);
            QVERIFY(r.milliseconds >= 0);
        }
    }
    void unsynchronisedNeverExceedsTheExpectedTotal() {
        // True in every interleaving: each store writes one more than a value stored before.
        // Not true: "at least N" — the worst interleaving of two threads leaves 2.
        for (int round = 0; round < 5; ++round) {
            const RaceOutcome r = RaceCounter::run(RaceMode::Unsynchronised, 4, 300'000);
            QCOMPARE(r.expected, 1'200'000);
            QVERIFY2(r.actual <= r.expected, qPrintable(QString::number(r.actual)));
            QVERIFY(r.actual >= 1);
            QVERIFY(r.lost() >= 0);
        }
    }
    void unsynchronisedOnOneThreadIsExact() {
        // Nobody to come between load and store: the race needs a second thread.
        const RaceOutcome r = RaceCounter::run(RaceMode::Unsynchronised, 1, 500'000);
        QCOMPARE(r.actual, r.expected);
    }
    void walletWithMutexBalances() {
        for (int threads : {2, 3, 4}) {
            const RaceOutcome r = WalletRace::run(true, threads, 100'000);
            QCOMPARE(r.mode, RaceMode::Mutex);
            const int spenders = threads / 2;
            QCOMPARE(r.expected, WalletRace::kOpeningBalance +
                                     100'000 * WalletRace::kAmount * (threads - 2 * spenders));
            QCOMPARE(r.actual, r.expected);
        }
        const RaceOutcome unlocked = WalletRace::run(false, 2, 1000);
        QCOMPARE(unlocked.mode, RaceMode::Unsynchronised);
        QCOMPARE(unlocked.expected, WalletRace::kOpeningBalance);
    }
    void experimentRunsModesSweepAndWalletInOrder() {
        RaceOptions settings;
        settings.increments = 10'000;
        settings.sweep = true;
        settings.wallet = true;
        RaceExperiment experiment(settings);
        experiment.start();
        QVERIFY(experiment.wait(120s));
        const RaceReport report = experiment.progress();
        QVERIFY(report.finished);
        QCOMPARE(int(report.modes.size()), 4);
        for (int i = 0; i < 4; ++i)
            QCOMPARE(report.modes[i].mode, kRaceModes[i]);
        QCOMPARE(int(report.sweep.size()), 7);
        std::uint64_t n = 1;
        for (const RaceOutcome& row : report.sweep) {
            QCOMPARE(row.increments, n);
            QCOMPARE(row.expected, std::int64_t(2 * n));
            QVERIFY(row.actual <= row.expected);
            n *= 10;
        }
        QCOMPARE(int(report.wallet.size()), 2);
        QCOMPARE(report.wallet[1].actual, report.wallet[1].expected);
    }
    void experimentStopsPromptly() {
        RaceOptions settings;
        settings.increments = RaceOptions::kMaxIncrements;
        settings.modes = {RaceMode::Mutex};
        const auto began = std::chrono::steady_clock::now();
        RaceExperiment experiment(settings);
        experiment.start();
        QTest::qWait(50);
        experiment.requestStop();
        QVERIFY(experiment.wait(std::chrono::milliseconds(int(2000 * kTimingSlack))));
        const RaceReport report = experiment.progress();
        QCOMPARE(int(report.modes.size()), 1);
        QVERIFY(report.modes[0].stopped);
        QVERIFY(std::chrono::steady_clock::now() - began < 30s);
    }
    void modeNamesRoundTrip() {
        for (RaceMode mode : kRaceModes)
            QCOMPARE(parseRaceMode(raceModeName(mode)), mode);
        QVERIFY(!parseRaceMode("fast"));
    }
};

QTEST_GUILESS_MAIN(TestRaceCounter)
#include "tst_racecounter.moc"
