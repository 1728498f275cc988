// The deadlock demo's core: the wait-for cycle search, a ring of real threads that really
// deadlocks and is found by the watchdog, and the three fixes finishing the same ring.
#include "core/lab/deadlock/DeadlockDemo.h"
#include "core/lab/deadlock/DeadlockFix.h"
#include "core/lab/deadlock/DeadlockRing.h"
#include "core/lab/deadlock/WaitForState.h"
#include "tests/common/BuildFlavour.h"

#include <QTest>

#include <thread>

using namespace stampede;
using namespace std::chrono_literals;

Q_DECLARE_METATYPE(stampede::FixStrategy)

class TestDeadlockDemo : public QObject {
    Q_OBJECT

private slots:
    void cycleSearchFollowsWaitsThroughHolders() {
        // T1 waits for L2 (held by T2), T2 waits for L3 (held by T3), T3 waits for L2: the
        // cycle is T2, T3; T1 only leads into it.
        const WaitForState chain{{-1, 1, 2}, {1, 2, 1}};
        QCOMPARE(chain.cycle(), (std::vector<int>{1, 2}));
        QCOMPARE(chain.describeCycle(chain.cycle()),
                 (std::vector<std::string>{"T2", "L3", "T3", "L2"}));

        // T1 holds L2 and waits for L1, held by T3, which waits for L3, held by T2…
        const WaitForState ring{{2, 0, 1}, {0, 1, 2}};
        QCOMPARE(ring.cycle(), (std::vector<int>{0, 2, 1}));
        QCOMPARE(ring.describeCycle(ring.cycle()),
                 (std::vector<std::string>{"T1", "L1", "T3", "L3", "T2", "L2"}));

        const WaitForState open{{0, 1, -1}, {1, 2, -1}}; // T2 waits for a free lock
        QVERIFY(open.cycle().empty());
        const WaitForState idle{{-1, -1}, {-1, -1}};
        QVERIFY(idle.cycle().empty());
    }

    void watchdogFindsTheRingCycle_data() {
        QTest::addColumn<int>("threads");
        for (const int n : {2, 3, 5, 8})
            QTest::addRow("%d threads", n) << n;
    }
    void watchdogFindsTheRingCycle() {
        QFETCH(int, threads);
        const auto hold = 20ms;
        const auto stall = 300ms;
        DeadlockRing ring(threads, hold, stall);
        std::stop_source never;
        const DeadlockDetection found = ring.run(never.get_token());

        QVERIFY(found.detected);
        QCOMPARE(int(found.cycle.size()), threads);
        QCOMPARE(int(found.names.size()), 2 * threads);
        QCOMPARE(found.names.front(), std::string("T1"));
        QCOMPARE(found.names[1], std::string("L2")); // T1 holds L1 and waits for L2
        // At detection every thread holds its own lock and waits for its neighbour's.
        for (int i = 0; i < threads; ++i) {
            QCOMPARE(found.state.holder[std::size_t(i)], i);
            QCOMPARE(found.state.waitsFor[std::size_t(i)], (i + 1) % threads);
        }
        // Not before the stall timeout, and within it plus the hold and a few polls.
        QVERIFY(found.stalledFor >= stall);
        QVERIFY2(found.detectedAfter >= stall, std::to_string(found.detectedAfter.count()).c_str());
        QVERIFY2(found.detectedAfter <= slack(hold + stall + 150ms),
                 std::to_string(found.detectedAfter.count()).c_str());
        QVERIFY(found.allThreadsEnded);
        QCOMPARE(ring.liveThreads(), 0);
        // Every thread let go of everything on its way out.
        const WaitForState after = ring.state();
        for (int i = 0; i < threads; ++i) {
            QCOMPARE(after.holder[std::size_t(i)], -1);
            QCOMPARE(after.waitsFor[std::size_t(i)], -1);
        }
    }

    void ringEndsWhenAskedBeforeDetection() {
        DeadlockRing ring(4, 20ms, 5s);
        std::stop_source stop;
        std::jthread asker([&] {
            std::this_thread::sleep_for(100ms);
            stop.request_stop();
        });
        const auto started = std::chrono::steady_clock::now();
        const DeadlockDetection found = ring.run(stop.get_token());
        QVERIFY(!found.detected);
        QVERIFY(found.allThreadsEnded);
        QVERIFY(std::chrono::steady_clock::now() - started < slack(1s));
    }

    void eachFixFinishesTheRing_data() {
        QTest::addColumn<FixStrategy>("strategy");
        QTest::addColumn<int>("threads");
        for (const FixStrategy s : DeadlockDemo::kStrategies)
            for (const int n : {2, 5, 8})
                QTest::addRow("%s, %d threads", fixName(s).data(), n) << s << n;
    }
    void eachFixFinishesTheRing() {
        QFETCH(FixStrategy, strategy);
        QFETCH(int, threads);
        const int rounds = 15;
        DeadlockFix fix(strategy, FixOptions{.threads = threads, .roundsPerThread = rounds});
        fix.start();
        const auto deadline = std::chrono::steady_clock::now() + slack(20s);
        while (!fix.done() && std::chrono::steady_clock::now() < deadline)
            std::this_thread::sleep_for(5ms);

        const FixResult result = fix.result();
        QVERIFY(result.done);
        QVERIFY(result.finished);
        QCOMPARE(result.rounds, threads * rounds);
        QVERIFY(result.elapsed > 0ms);
        if (strategy != FixStrategy::Backoff)
            QCOMPARE(result.backoffs, 0);
    }

    void backoffFixBacksOffWhenTheRingCollides() {
        // With a hold before the second lock, neighbours collide; the fix must give way.
        DeadlockFix fix(FixStrategy::Backoff,
                        FixOptions{.threads = 4, .roundsPerThread = 20, .hold = 5ms});
        fix.start();
        const auto deadline = std::chrono::steady_clock::now() + slack(20s);
        while (!fix.done() && std::chrono::steady_clock::now() < deadline)
            std::this_thread::sleep_for(5ms);
        QVERIFY(fix.result().finished);
        QVERIFY(fix.result().backoffs > 0);
    }

    void demoDeadlocksThenFixesAndEveryThreadEnds() {
        DeadlockDemo demo(DeadlockOptions{.threads = 3});
        QCOMPARE(demo.progress().phase, DeadlockProgress::Phase::Idle);
        demo.start();
        QVERIFY(demo.wait(slack(30s)));
        const DeadlockProgress done = demo.progress();
        QCOMPARE(done.phase, DeadlockProgress::Phase::Done);
        QVERIFY(done.detection && done.detection->detected);
        QCOMPARE(done.detection->cycle.size(), std::size_t(3));
        QVERIFY(done.detection->allThreadsEnded);
        QCOMPARE(done.fixes.size(), DeadlockDemo::kStrategies.size());
        for (const FixResult& fix : done.fixes) {
            QVERIFY2(fix.finished, fixName(fix.strategy).data());
            QCOMPARE(fix.rounds, 3 * DeadlockOptions{}.fixRounds);
        }
    }

    void demoStopsPromptlyWhileDeadlocked() {
        DeadlockDemo demo(DeadlockOptions{.threads = 6, .stallTimeout = 10s});
        demo.start();
        std::this_thread::sleep_for(150ms);
        const auto asked = std::chrono::steady_clock::now();
        demo.requestStop();
        QVERIFY(demo.wait(slack(2s)));
        QVERIFY(std::chrono::steady_clock::now() - asked < slack(500ms));
        const DeadlockProgress stopped = demo.progress();
        QCOMPARE(stopped.phase, DeadlockProgress::Phase::Stopped);
        QVERIFY(stopped.detection && !stopped.detection->detected);
        QVERIFY(stopped.detection->allThreadsEnded);
    }
};

QTEST_GUILESS_MAIN(TestDeadlockDemo)
#include "tst_deadlockdemo.moc"
