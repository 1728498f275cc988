// The semaphore demo's core: real threads behind a std::counting_semaphore never run more
// than the limit at once, every job finishes, and a stop ends every thread.
#include "core/lab/semaphore/SemaphoreDemo.h"
#include "tests/common/BuildFlavour.h"

#include <QTest>

#include <algorithm>
#include <numeric>
#include <thread>

using namespace stampede;
using namespace std::chrono_literals;

class TestSemaphoreDemo : public QObject {
    Q_OBJECT

private slots:
    void jobTimesRepeatForASeed() {
        const SemaphoreOptions options{.jobs = 50, .limit = 4, .jobTime = 100ms, .seed = 7};
        const auto times = SemaphoreDemo::jobTimes(options);
        QCOMPARE(times, SemaphoreDemo::jobTimes(options));
        QCOMPARE(times.size(), std::size_t(50));
        for (const auto t : times)
            QVERIFY(t >= 50ms && t <= 150ms);
        QVERIFY(std::adjacent_find(times.begin(), times.end(), std::not_equal_to<>()) !=
                times.end()); // not all alike
        QVERIFY(times != SemaphoreDemo::jobTimes({.jobs = 50, .jobTime = 100ms, .seed = 8}));
    }

    void neverMoreThanTheLimitRun_data() {
        QTest::addColumn<int>("jobs");
        QTest::addColumn<int>("limit");
        QTest::newRow("12 jobs, 3 at once") << 12 << 3;
        QTest::newRow("6 jobs, 1 at once") << 6 << 1;
        QTest::newRow("4 jobs, 8 at once") << 4 << 8;
        QTest::newRow("40 jobs, 5 at once") << 40 << 5;
    }
    void neverMoreThanTheLimitRun() {
        QFETCH(int, jobs);
        QFETCH(int, limit);
        const SemaphoreOptions options{.jobs = jobs, .limit = limit, .jobTime = 60ms};
        SemaphoreDemo demo(options);
        demo.start();
        QVERIFY(demo.wait(slack(30s)));
        const SemaphoreProgress p = demo.progress();

        QVERIFY(p.ended());
        QVERIFY(!p.stopped);
        QCOMPARE(p.finishedJobs(), jobs);
        // The recorded count, after every start and finish.
        QCOMPARE(int(p.active.size()), 2 * jobs);
        for (const ActiveSample& s : p.active)
            QVERIFY2(s.active >= 0 && s.active <= limit, std::to_string(s.active).c_str());
        QCOMPARE(p.active.back().active, 0);
        // All jobs queue at once and take 30 ms or more, so the slots all fill.
        QCOMPARE(p.maxActive, std::min(jobs, limit));

        // Cross-check from the jobs' own times: at each start, at most `limit` overlap.
        for (const JobTiming& a : p.jobs) {
            QVERIFY(a.queuedMs >= 0 && a.queuedMs <= a.startedMs && a.startedMs < a.finishedMs);
            QVERIFY(a.runMs() >= a.plannedMs - 1);
            const auto overlapping = std::count_if(p.jobs.begin(), p.jobs.end(), [&](auto& b) {
                return b.startedMs <= a.startedMs && a.startedMs < b.finishedMs;
            });
            QVERIFY(overlapping <= limit);
        }
        // No schedule beats perfect packing of the work into `limit` slots.
        const double work = std::accumulate(p.jobs.begin(), p.jobs.end(), 0.0,
                                            [](double sum, auto& j) { return sum + j.plannedMs; });
        QVERIFY(p.totalMs() >= work / limit - 1);
        QVERIFY(p.meanRunMs() >= 30 && p.meanRunMs() <= 90 * kTimingSlack + 20);
        if (jobs > limit)
            QVERIFY(p.meanWaitMs() > 0);
    }

    void stopEndsEveryJobThread() {
        SemaphoreDemo demo({.jobs = 60, .limit = 2, .jobTime = 500ms});
        demo.start();
        std::this_thread::sleep_for(100ms);
        const auto asked = std::chrono::steady_clock::now();
        demo.requestStop();
        QVERIFY(demo.wait(slack(2s)));
        QVERIFY(std::chrono::steady_clock::now() - asked < slack(500ms));
        const SemaphoreProgress p = demo.progress();
        QVERIFY(p.ended());
        QVERIFY(p.stopped);
        QCOMPARE(p.finishedJobs(), 0);
        QCOMPARE(p.active.back().active, 0);
    }
};

QTEST_GUILESS_MAIN(TestSemaphoreDemo)
#include "tst_semaphoredemo.moc"
