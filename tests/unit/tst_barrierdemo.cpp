// The barrier demo's core: N real threads meet at a std::barrier after each phase, no phase
// is released before its last thread arrives, and a stop never leaves a thread waiting at the
// barrier for one that has gone.
#include "core/lab/barrier/BarrierDemo.h"
#include "core/lab/barrier/BarrierSummary.h"
#include "core/lab/barrier/BarrierTrace.h"
#include "tests/common/BuildFlavour.h"
#include "tests/common/ThreadNames.h"
#include "tests/common/TraceCheck.h"

#include <QTest>

#include <algorithm>

using namespace stampede;
using namespace std::chrono_literals;

class TestBarrierDemo : public QObject {
    Q_OBJECT

private slots:
    void workTimesRepeatForASeed() {
        const BarrierOptions options{.threads = 6, .phases = 8, .workTime = 100ms, .seed = 7};
        const auto times = BarrierDemo::workTimes(options);
        QCOMPARE(times, BarrierDemo::workTimes(options));
        QCOMPARE(times.size(), std::size_t(6));
        for (const auto& row : times) {
            QCOMPARE(row.size(), std::size_t(8));
            for (const auto t : row)
                QVERIFY(t >= 25ms && t <= 175ms);
            QVERIFY(std::adjacent_find(row.begin(), row.end(), std::not_equal_to<>()) !=
                    row.end()); // uneven from phase to phase
        }
        QVERIFY(times != BarrierDemo::workTimes({.threads = 6, .phases = 8, .seed = 8}));
        // A thread's work does not depend on how many others there are.
        QCOMPARE(BarrierDemo::workTimes({.threads = 2, .phases = 8, .workTime = 100ms, .seed = 7})
                     .front(),
                 times.front());
    }

    void aPhaseIsReleasedOnlyWhenAllHaveArrived_data() {
        QTest::addColumn<int>("threads");
        QTest::addColumn<int>("phases");
        QTest::addColumn<int>("workMs");
        QTest::newRow("4 threads, 5 phases") << 4 << 5 << 20;
        QTest::newRow("1 thread") << 1 << 3 << 5;
        QTest::newRow("16 threads, 10 phases") << 16 << 10 << 10;
        QTest::newRow("no wait to speak of") << 3 << 20 << 1;
    }
    void aPhaseIsReleasedOnlyWhenAllHaveArrived() {
        QFETCH(int, threads);
        QFETCH(int, phases);
        QFETCH(int, workMs);
        const BarrierOptions options{
            .threads = threads, .phases = phases, .workTime = std::chrono::milliseconds(workMs)};
        BarrierDemo demo(options);
        demo.start();
        QVERIFY(demo.wait(slack(60s)));
        const BarrierProgress p = demo.progress();

        QVERIFY(p.ended());
        QVERIFY(!p.stopped);
        QCOMPARE(p.phasesReleased(), phases);
        QCOMPARE(p.earlyReleases(), 0);
        QVERIFY(succeeded(options, p));
        for (int phase = 0; phase < phases; ++phase) {
            const auto ph = std::size_t(phase);
            double latest = -1;
            for (const auto& thread : p.timings) {
                QVERIFY(thread[ph].arrived());
                latest = std::max(latest, thread[ph].arrivedMs);
            }
            // The completion step runs after the last arrival and before anyone goes on.
            QVERIFY(p.releasedMs[ph] >= latest);
            for (const auto& thread : p.timings) {
                const PhaseTiming& t = thread[ph];
                QVERIFY2(t.continuedMs >= latest,
                         qPrintable(QString("phase %1: went on at %2 before the last arrival at %3")
                                        .arg(phase + 1)
                                        .arg(t.continuedMs)
                                        .arg(latest)));
                QVERIFY(t.continuedMs >= p.releasedMs[ph]);
                QVERIFY(t.arrivedMs >= t.workFromMs + t.plannedMs - 1); // it did its work
                if (phase + 1 < phases)
                    QCOMPARE(thread[ph + 1].workFromMs, t.continuedMs);
            }
            if (phase > 0)
                QVERIFY(p.releasedMs[ph] > p.releasedMs[ph - 1]);
            const int slowest = p.slowestThread(phase);
            QVERIFY(slowest >= 0 && slowest < threads);
            QCOMPARE(p.timings[std::size_t(slowest)][ph].arrivedMs, latest);
            QVERIFY(p.waitedMs(phase) >= 0);
        }
    }

    void stopWhileOthersWaitAtTheBarrierEndsThemAll() {
        // Long, uneven work: some threads arrive and wait while the slow ones still work.
        BarrierDemo demo({.threads = 6, .phases = 5, .workTime = 4000ms});
        demo.start();
        // Stop once one thread waits at the barrier while another still works.
        const auto someWait = [&] {
            const BarrierProgress p = demo.progress();
            return std::any_of(p.timings.begin(), p.timings.end(), [](const auto& thread) {
                return std::any_of(thread.begin(), thread.end(), [](const PhaseTiming& t) {
                    return t.arrived() && !t.continued();
                });
            });
        };
        QTRY_VERIFY_WITH_TIMEOUT(someWait(), int(slack(20s).count()));
        QVERIFY(threadNames().contains("barrier-6"));
        demo.requestStop();
        QVERIFY(demo.wait(slack(5s))); // no thread is left waiting for one that left
        const BarrierProgress p = demo.progress();
        QVERIFY(p.ended());
        QVERIFY(p.stopped);
        QCOMPARE(p.earlyReleases(), 0);
        QVERIFY(!succeeded({}, p));
        for (const auto& thread : p.timings)
            QVERIFY(!thread.back().continued());
    }

    void stopWhileAllWorkEndsAtOnce() {
        BarrierDemo demo({.threads = 4, .phases = 3, .workTime = 20'000ms});
        demo.start();
        demo.requestStop();
        QVERIFY(demo.wait(slack(5s)));
        QVERIFY(demo.progress().stopped);
    }

    void destroyingMidRunStopsAndJoins() {
        auto demo = std::make_unique<BarrierDemo>(BarrierOptions{.workTime = 10'000ms});
        demo->start();
        demo.reset(); // would hang here if a thread stayed at the barrier
    }

    void summaryNamesTheSlowestOfEachPhase() {
        const BarrierOptions options{.threads = 3, .phases = 2, .workTime = 10ms};
        BarrierDemo demo(options);
        demo.start();
        QVERIFY(demo.wait(slack(30s)));
        const BarrierProgress p = demo.progress();
        const QJsonObject json = summaryJson(options, p);
        QCOMPARE(json["phases_released"].toInt(), 2);
        QCOMPARE(json["early_releases"].toInt(), 0);
        QCOMPARE(json["per_phase"].toArray().size(), 2);
        QCOMPARE(json["per_phase"][1]["slowest_thread"].toInt(), p.slowestThread(1) + 1);
        QCOMPARE(json["timeline"].toArray().size(), 3);
        const std::string text = summaryText(options, p);
        QVERIFY2(text.find("slowest barrier-" + std::to_string(p.slowestThread(0) + 1)) !=
                     std::string::npos,
                 text.c_str());
    }

    void traceHasWorkAndWaitForEveryThreadAndPhase() {
        const BarrierOptions options{.threads = 3, .phases = 4, .workTime = 5ms};
        BarrierDemo demo(options);
        demo.start();
        QVERIFY(demo.wait(slack(30s)));
        const BarrierProgress p = demo.progress();
        const ReadTrace read = readTrace(demoTrace(options, p).json());
        QVERIFY2(read.problem.isEmpty(), qPrintable(read.problem));
        QCOMPARE(read.laneNames.values(), (QList<QString>{"barrier-1", "barrier-2", "barrier-3"}));
        QCOMPARE(read.spansByCategory.value("work"), 3 * 4);
        QCOMPARE(read.spansByCategory.value("wait"), 3 * 4);
        QCOMPARE(read.counterNames, QStringList{"waiting at the barrier"});
        QVERIFY(read.spanNames.contains("barrier-2: waiting at the barrier"));
    }
};

QTEST_GUILESS_MAIN(TestBarrierDemo)
#include "tst_barrierdemo.moc"
