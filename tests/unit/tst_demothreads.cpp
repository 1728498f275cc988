// The one demo lifecycle: DemoThreads starts a demo's threads once, shares one stop request
// among them, and says they have ended only when every body has returned; every demo of the
// lab meets the LabDemo shape that the window's controller and the terminal's command use.
#include "core/lab/DemoThreads.h"
#include "core/lab/LabDemo.h"
#include "core/lab/barrier/BarrierDemo.h"
#include "core/lab/deadlock/DeadlockDemo.h"
#include "core/lab/pi/PiEstimator.h"
#include "core/lab/pi/PiSweep.h"
#include "core/lab/queue/QueueDemo.h"
#include "core/lab/race/RaceExperiment.h"
#include "core/lab/requests/RequestsDemo.h"
#include "core/lab/semaphore/SemaphoreDemo.h"
#include "tests/common/BuildFlavour.h"

#include <QTest>

#include <atomic>
#include <latch>

using namespace stampede;
using namespace std::chrono_literals;

static_assert(LabDemo<PiEstimator>);
static_assert(LabDemo<PiSweep>);
static_assert(LabDemo<RaceExperiment>);
static_assert(LabDemo<DeadlockDemo>);
static_assert(LabDemo<SemaphoreDemo>);
static_assert(LabDemo<RequestsDemo>);
static_assert(LabDemo<QueueDemo>);
static_assert(LabDemo<BarrierDemo>);

class TestDemoThreads : public QObject {
    Q_OBJECT

private slots:
    void everyThreadRunsOnceWithItsIndex() {
        std::atomic<int> ran{0};
        std::atomic<int> indexSum{0};
        DemoThreads threads;
        QVERIFY(!threads.started());
        QCOMPARE(threads.start(4,
                               [&](std::stop_token, int i) {
                                   ran.fetch_add(1);
                                   indexSum.fetch_add(i);
                               }),
                 4);
        QVERIFY(threads.started());
        QVERIFY(threads.wait(slack(5s)));
        QVERIFY(threads.ended());
        QCOMPARE(ran.load(), 4);
        QCOMPARE(indexSum.load(), 0 + 1 + 2 + 3);
    }

    void startsOnlyOnce() {
        std::atomic<int> ran{0};
        DemoThreads threads;
        threads.start(2, [&](std::stop_token, int) { ran.fetch_add(1); });
        QCOMPARE(threads.start(2, [&](std::stop_token, int) { ran.fetch_add(100); }), 0);
        QVERIFY(threads.wait(slack(5s)));
        QCOMPARE(ran.load(), 2);
    }

    void addStartsMoreOnlyWhileItRuns() {
        std::latch release(1);
        std::atomic<int> indexSum{0};
        DemoThreads threads;
        const DemoThreads::Body body = [&](std::stop_token, int i) {
            indexSum.fetch_add(i);
            if (i == 0)
                release.wait();
        };
        QCOMPARE(threads.add(2), 0); // not started
        threads.start(1, body);
        QCOMPARE(threads.add(2), 2); // numbered on: 1 and 2
        QVERIFY(!threads.wait(50ms));
        release.count_down();
        QVERIFY(threads.wait(slack(5s)));
        QCOMPARE(indexSum.load(), 0 + 1 + 2);
        QCOMPARE(threads.add(1), 0); // every thread has ended: the demo is over
        QVERIFY(threads.ended());
    }

    void addAfterAStopStartsNone() {
        DemoThreads threads;
        threads.start(1, [](std::stop_token stop, int) {
            while (!stop.stop_requested())
                std::this_thread::sleep_for(1ms);
        });
        threads.requestStop();
        QCOMPARE(threads.add(3), 0);
        QVERIFY(threads.wait(slack(2s)));
    }

    void waitIsFalseUntilTheLastThreadHasReturned() {
        std::latch release(1);
        DemoThreads threads;
        QVERIFY(!threads.wait(0ms)); // never started: nothing has ended
        threads.start(3, [&](std::stop_token, int i) {
            if (i == 2)
                release.wait();
        });
        QVERIFY(!threads.wait(50ms));
        QVERIFY(!threads.ended());
        release.count_down();
        QVERIFY(threads.wait(slack(5s)));
    }

    void oneStopRequestReachesEveryThread() {
        DemoThreads threads;
        std::atomic<int> sawStop{0};
        threads.start(3, [&](std::stop_token stop, int) {
            while (!stop.stop_requested())
                std::this_thread::sleep_for(1ms);
            sawStop.fetch_add(1);
        });
        QVERIFY(!threads.wait(50ms));
        threads.requestStop();
        QVERIFY(threads.stopRequested());
        QVERIFY(threads.wait(slack(2s)));
        QCOMPARE(sawStop.load(), 3);
    }

    void destroyingStopsAndJoins() {
        std::atomic<bool> returned{false};
        {
            DemoThreads threads;
            threads.start(1, [&](std::stop_token stop, int) {
                while (!stop.stop_requested())
                    std::this_thread::sleep_for(1ms);
                returned.store(true);
            });
        } // would hang here if the destructor did not ask the body to stop
        QVERIFY(returned.load());
    }

    void aDemoStartedAndStoppedAtOnceStillEnds() {
        // The shape every front end relies on: start, stop, wait, read.
        SemaphoreDemo demo({.jobs = 20, .limit = 2, .jobTime = 5000ms});
        demo.start();
        demo.requestStop();
        QVERIFY(demo.wait(slack(2s)));
        const SemaphoreProgress progress = demo.progress();
        QVERIFY(progress.ended());
        QVERIFY(progress.stopped);
    }
};

QTEST_GUILESS_MAIN(TestDemoThreads)
#include "tst_demothreads.moc"
