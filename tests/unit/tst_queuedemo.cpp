// The producer/consumer demo's core: real threads around one bounded queue never fill it past
// its capacity, deliver every item exactly once, take new settings while they run, and end
// every wait on a stop, blocked on a full queue or waiting on an empty one.
#include "core/lab/queue/QueueDemo.h"
#include "core/lab/queue/QueueSummary.h"
#include "core/lab/queue/QueueTrace.h"
#include "tests/common/BuildFlavour.h"
#include "tests/common/ThreadNames.h"
#include "tests/common/TraceCheck.h"

#include <QTest>

#include <algorithm>
#include <cmath>

using namespace stampede;
using namespace std::chrono_literals;

namespace {

// The invariants every run keeps, stopped or not, checked from the queue's own samples.
void checkQueueNeverPastCapacity(const QueueProgress& p) {
    QCOMPARE(p.queue.overfilled, 0);
    QVERIFY(p.queue.maxDepth <= p.queue.maxCapacity);
    std::int64_t put = 0, taken = 0;
    for (const QueueSample& s : p.queue.samples) {
        QVERIFY(s.put >= put && s.taken >= taken); // counts only grow
        QCOMPARE(s.depth, int(s.put - s.taken));
        if (s.put > put) // a put: it may only fill up to the capacity of that moment
            QVERIFY2(s.depth <= s.capacity,
                     qPrintable(QString("depth %1 > K %2").arg(s.depth).arg(s.capacity)));
        put = s.put;
        taken = s.taken;
    }
}

int runningThreads(const QueueProgress& p, QueueRole role) {
    return int(std::count_if(p.lanes.begin(), p.lanes.end(), [role](const QueueLane& lane) {
        return lane.role == role && lane.endedMs < 0;
    }));
}

} // namespace

class TestQueueDemo : public QObject {
    Q_OBJECT

private slots:
    void workTimesRepeatForASeed() {
        std::vector<std::chrono::milliseconds> times;
        for (int seq = 0; seq < 100; ++seq) {
            const auto t = QueueDemo::workTime(7, seq, QueueRole::Producer, 100ms);
            QCOMPARE(t, QueueDemo::workTime(7, seq, QueueRole::Producer, 100ms));
            QVERIFY(t >= 50ms && t <= 150ms);
            times.push_back(t);
        }
        QVERIFY(std::adjacent_find(times.begin(), times.end(), std::not_equal_to<>()) !=
                times.end()); // not all alike
        int differ = 0;
        for (int seq = 0; seq < 100; ++seq)
            differ += QueueDemo::workTime(8, seq, QueueRole::Producer, 100ms) != times[seq];
        QVERIFY(differ > 50);
        QCOMPARE(QueueDemo::workTime(7, 3, QueueRole::Consumer, 0ms), 0ms);
    }

    void everyItemThroughExactlyOnce_data() {
        QTest::addColumn<int>("producers");
        QTest::addColumn<int>("consumers");
        QTest::addColumn<int>("capacity");
        QTest::addColumn<int>("items");
        QTest::addColumn<int>("produceMs");
        QTest::addColumn<int>("consumeMs");
        QTest::newRow("fast producers fill it") << 3 << 2 << 4 << 60 << 0 << 10;
        QTest::newRow("fast consumers drain it") << 2 << 3 << 4 << 60 << 10 << 0;
        QTest::newRow("capacity 1") << 2 << 2 << 1 << 40 << 2 << 2;
        QTest::newRow("no work at all") << 4 << 4 << 3 << 2000 << 0 << 0;
        QTest::newRow("one each") << 1 << 1 << 2 << 30 << 1 << 1;
    }
    void everyItemThroughExactlyOnce() {
        QFETCH(int, producers);
        QFETCH(int, consumers);
        QFETCH(int, capacity);
        QFETCH(int, items);
        QFETCH(int, produceMs);
        QFETCH(int, consumeMs);
        const QueueOptions options{.producers = producers,
                                   .consumers = consumers,
                                   .capacity = capacity,
                                   .items = items,
                                   .produceTime = std::chrono::milliseconds(produceMs),
                                   .consumeTime = std::chrono::milliseconds(consumeMs)};
        QueueDemo demo(options);
        demo.start();
        QVERIFY(demo.wait(slack(60s)));
        const QueueProgress p = demo.progress();

        QVERIFY(p.ended());
        QVERIFY(!p.stopped);
        QCOMPARE(p.produced, std::int64_t(items));
        QCOMPARE(p.consumed, std::int64_t(items));
        QCOMPARE(p.duplicates, std::int64_t(0));
        QCOMPARE(p.missing, std::int64_t(0));
        QCOMPARE(p.leftInQueue, 0);
        checkQueueNeverPastCapacity(p);
        QCOMPARE(p.queue.maxCapacity, capacity);
        QVERIFY(succeeded(options, p));
        QCOMPARE(int(p.lanes.size()), producers + consumers);
        for (const QueueLane& lane : p.lanes)
            QVERIFY(lane.endedMs >= 0);
        // Every item was made once and used once, each a span of its thread.
        std::vector<int> made(static_cast<std::size_t>(items)), used(made.size());
        for (const QueueLane& lane : p.lanes)
            for (const QueueSpan& span : lane.spans) {
                QVERIFY(span.toMs >= span.fromMs);
                if (span.kind == QueueSpan::Produce)
                    ++made[std::size_t(span.seq)];
                if (span.kind == QueueSpan::Consume)
                    ++used[std::size_t(span.seq)];
            }
        QVERIFY(std::all_of(made.begin(), made.end(), [](int n) { return n == 1; }));
        QVERIFY(std::all_of(used.begin(), used.end(), [](int n) { return n == 1; }));
        // No work on one side: that side waits, because the other always keeps up.
        if (produceMs == 0) {
            QCOMPARE(p.queue.maxDepth, capacity); // producers with no work fill it
            QVERIFY(p.waitedMs(QueueRole::Producer) > 0);
        }
        if (consumeMs == 0 && produceMs > 0)
            QVERIFY(p.waitedMs(QueueRole::Consumer) > 0);
        QCOMPARE(p.queue.samples.back().blockedProducers, 0);
        QCOMPARE(p.queue.samples.back().waitingConsumers, 0);
    }

    void takesNewSettingsWhileItRuns() {
        const QueueOptions options{.producers = 1,
                                   .consumers = 1,
                                   .capacity = 2,
                                   .items = 400,
                                   .produceTime = 0ms,
                                   .consumeTime = 10ms};
        QueueDemo demo(options);
        demo.start();
        // More of everything: new threads start, and the producers (with no work) fill the
        // larger queue up to its new capacity.
        QueueOptions more = options;
        more.producers = 3;
        more.consumers = 4;
        more.capacity = 6;
        demo.change(more);
        QueueProgress p = demo.progress();
        QCOMPARE(int(p.lanes.size()), 3 + 4);
        QCOMPARE(p.producers, 3);
        QCOMPARE(p.consumers, 4);
        QCOMPARE(p.capacity, 6);
        QCOMPARE(p.lanes.back().name, std::string("consumer-4"));
        QTRY_VERIFY_WITH_TIMEOUT(demo.progress().queue.maxDepth == 6, int(slack(10s).count()));
        QVERIFY(!demo.progress().ended());

        // Fewer: surplus threads end at their next item while the run goes on, and the queue
        // fills only up to the smaller K again.
        QueueOptions fewer = more;
        fewer.producers = 1;
        fewer.consumers = 2;
        fewer.capacity = 3;
        demo.change(fewer);
        QTRY_VERIFY_WITH_TIMEOUT(runningThreads(demo.progress(), QueueRole::Consumer) == 2 &&
                                     runningThreads(demo.progress(), QueueRole::Producer) == 1,
                                 int(slack(10s).count()));
        QVERIFY(!demo.progress().ended());
        QCOMPARE(demo.progress().queue.maxCapacity, 6);

        // Slower producers now: consumers catch up and wait on an empty queue.
        QueueOptions slower = fewer;
        slower.produceTime = 20ms;
        slower.consumeTime = 0ms;
        demo.change(slower);
        QVERIFY(demo.wait(slack(60s)));
        p = demo.progress();
        QVERIFY(!p.stopped);
        QCOMPARE(p.consumed, std::int64_t(400));
        QCOMPARE(p.duplicates, std::int64_t(0));
        QCOMPARE(p.missing, std::int64_t(0));
        checkQueueNeverPastCapacity(p);
        QCOMPARE(p.capacity, 3);
        QVERIFY(p.waitedMs(QueueRole::Consumer) > 0);
        QCOMPARE(int(p.lanes.size()), 7); // fewer threads start none
    }

    void stopEndsProducersBlockedOnAFullQueue() {
        QueueDemo demo({.producers = 3,
                        .consumers = 1,
                        .capacity = 3,
                        .items = 1000,
                        .produceTime = 0ms,
                        .consumeTime = 10'000ms});
        demo.start();
        // Full, the one consumer busy for ten seconds with its first item, every producer
        // blocked on the full queue.
        const auto allBlocked = [&] {
            const QueueProgress p = demo.progress();
            return p.consumed == 1 && p.queue.samples.back().blockedProducers == 3;
        };
        QTRY_VERIFY_WITH_TIMEOUT(allBlocked(), int(slack(10s).count()));
        const QStringList names = threadNames();
        for (const char* name : {"producer-1", "producer-2", "producer-3", "consumer-1"})
            QVERIFY2(names.contains(name), qPrintable(names.join(", ")));
        demo.requestStop();
        QVERIFY(demo.wait(slack(5s)));
        const QueueProgress p = demo.progress();
        QVERIFY(p.stopped);
        QCOMPARE(p.leftInQueue, 3);
        QCOMPARE(p.consumed, std::int64_t(1));
        QCOMPARE(p.produced, std::int64_t(4));
        QCOMPARE(p.duplicates, std::int64_t(0));
        QCOMPARE(p.missing, std::int64_t(0));
        QCOMPARE(p.queue.samples.back().blockedProducers, 0); // every wait ended
        checkQueueNeverPastCapacity(p);
        for (const QueueLane& lane : p.lanes)
            QVERIFY(lane.endedMs >= 0);
    }

    void stopEndsConsumersWaitingOnAnEmptyQueue() {
        QueueDemo demo({.producers = 1,
                        .consumers = 3,
                        .capacity = 3,
                        .items = 100,
                        .produceTime = 10'000ms,
                        .consumeTime = 0ms});
        demo.start();
        QTRY_VERIFY_WITH_TIMEOUT(!demo.progress().queue.samples.empty() &&
                                     demo.progress().queue.samples.back().waitingConsumers == 3,
                                 int(slack(10s).count()));
        demo.requestStop();
        QVERIFY(demo.wait(slack(5s)));
        const QueueProgress p = demo.progress();
        QVERIFY(p.stopped);
        QCOMPARE(p.produced, std::int64_t(0));
        QCOMPARE(p.consumed, std::int64_t(0));
        QCOMPARE(p.missing, std::int64_t(0));
        QCOMPARE(p.queue.samples.back().waitingConsumers, 0);
        QVERIFY(!succeeded({}, p));
    }

    void destroyingMidRunStopsAndJoins() {
        auto demo = std::make_unique<QueueDemo>(QueueOptions{.consumeTime = 10'000ms});
        demo->start();
        QTRY_VERIFY_WITH_TIMEOUT(demo->progress().consumed > 0, int(slack(10s).count()));
        demo.reset(); // would hang here if a wait outlived the stop
    }

    void rateBinsCountEveryItem() {
        QueueDemo demo({.producers = 2,
                        .consumers = 2,
                        .capacity = 4,
                        .items = 120,
                        .produceTime = 5ms,
                        .consumeTime = 5ms});
        demo.start();
        QVERIFY(demo.wait(slack(60s)));
        const QueueProgress p = demo.progress();
        double produced = 0, consumed = 0;
        double previous = -1;
        for (const QueueRate& r : p.rates(100)) {
            QVERIFY(r.ms > previous);
            previous = r.ms;
            const double from = std::floor(r.ms / 100) * 100;
            const double length = std::min(100.0, p.elapsedMs - from);
            produced += r.producedPerSecond * length / 1000;
            consumed += r.consumedPerSecond * length / 1000;
        }
        QCOMPARE(qRound(produced), 120);
        QCOMPARE(qRound(consumed), 120);
    }

    void traceHasALanePerThreadAndTheCounters() {
        const QueueOptions options{.producers = 2,
                                   .consumers = 3,
                                   .capacity = 2,
                                   .items = 30,
                                   .produceTime = 1ms,
                                   .consumeTime = 3ms};
        QueueDemo demo(options);
        demo.start();
        QVERIFY(demo.wait(slack(60s)));
        const QueueProgress p = demo.progress();
        const Trace trace = demoTrace(options, p);
        const ReadTrace read = readTrace(trace.json());
        QVERIFY2(read.problem.isEmpty(), qPrintable(read.problem));
        QCOMPARE(read.laneNames.values(), (QList<QString>{"producer-1", "producer-2", "consumer-1",
                                                          "consumer-2", "consumer-3"}));
        QCOMPARE(read.spansByCategory.value("work"), 2 * 30); // each item made and used
        int waits = 0;
        for (const QueueLane& lane : p.lanes)
            for (const QueueSpan& span : lane.spans)
                waits += span.kind == QueueSpan::BlockedFull || span.kind == QueueSpan::WaitEmpty;
        QCOMPARE(read.spansByCategory.value("wait"), waits);
        QVERIFY(waits > 0); // three consumers for two quick producers: someone waited
        QCOMPARE(read.counterNames,
                 (QStringList{"queue depth", "capacity K", "producers blocked (full)",
                              "consumers waiting (empty)"}));
        QVERIFY(read.lastEndUs <= p.elapsedMs * 1000 + 1);
    }
};

QTEST_GUILESS_MAIN(TestQueueDemo)
#include "tst_queuedemo.moc"
