// Rates from two readings: known ticks over a known period give known percentages.
#include "core/monitor/ProcessSampler.h"

#include <QTest>

using namespace stampede;

namespace {

ThreadStat threadStat(int id, std::string name, char state, std::uint64_t user,
                      std::uint64_t system) {
    ThreadStat stat;
    stat.id = id;
    stat.name = std::move(name);
    stat.state = state;
    stat.userTicks = user;
    stat.systemTicks = system;
    stat.processor = id % 2;
    return stat;
}

ProcReading reading(double seconds, std::vector<ThreadStat> threads, std::vector<CoreTicks> cores) {
    ProcReading r;
    r.seconds = seconds;
    r.ticksPerSecond = 100;
    r.pageBytes = 4096;
    for (const ThreadStat& t : threads) {
        r.process.userTicks += t.userTicks;
        r.process.systemTicks += t.systemTicks;
    }
    r.process.rssPages = 5120; // 20 MiB of 4 KiB pages
    r.threads = std::move(threads);
    r.cores = std::move(cores);
    return r;
}

} // namespace

class TestProcessSampler : public QObject {
    Q_OBJECT
private slots:
    void firstReadingHasNothingToCompare() {
        ProcessSampler sampler;
        QVERIFY(!sampler.add(reading(10, {threadStat(1, "gui", 'S', 50, 5)}, {{0, 10, 100}})));
    }

    void threadAndProcessPercent() {
        ProcessSampler sampler;
        sampler.add(reading(
            10.0, {threadStat(1, "gui", 'S', 50, 5), threadStat(2, "pi-1", 'R', 100, 0)}, {}));
        // 0.5 s at 100 ticks/s is 50 ticks: pi-1 used 45 of them (90 %), gui 2 (4 %).
        const auto sample = sampler.add(reading(
            10.5, {threadStat(1, "gui", 'S', 51, 6), threadStat(2, "pi-1", 'R', 140, 5)}, {}));
        QVERIFY(sample);
        QCOMPARE(sample->periodSeconds, 0.5);
        QCOMPARE(sample->seconds, 10.5);
        QCOMPARE(sample->threads.size(), std::size_t(2));
        QCOMPARE(sample->threads[0].name, std::string("gui"));
        QCOMPARE(sample->threads[0].cpuPercent, 4.0);
        QCOMPARE(sample->threads[1].cpuPercent, 90.0);
        QCOMPARE(sample->threads[1].processor, 0);
        QCOMPARE(sample->processCpuPercent, 94.0);
        QCOMPARE(sample->rssMiB, 20.0);
    }

    void runningIsStateROrAboveTheThreshold() {
        ProcessSampler sampler;
        sampler.add(reading(0,
                            {threadStat(1, "idle", 'S', 0, 0), threadStat(2, "busy", 'S', 0, 0),
                             threadStat(3, "woken", 'R', 0, 0)},
                            {}));
        // One second, 100 ticks: 1 tick is 1 % (asleep), 50 ticks is 50 % (running).
        const auto sample = sampler.add(
            reading(1,
                    {threadStat(1, "idle", 'S', 1, 0), threadStat(2, "busy", 'S', 50, 0),
                     threadStat(3, "woken", 'R', 0, 0)},
                    {}));
        QVERIFY(sample);
        QVERIFY(!sample->threads[0].running);
        QVERIFY(sample->threads[1].running);
        QVERIFY(sample->threads[2].running);
    }

    void theReadingThreadIsNotRunningJustBecauseItReads() {
        ProcessSampler sampler;
        ProcReading first = reading(0, {threadStat(1, "gui", 'R', 10, 0)}, {});
        first.readerThreadId = 1;
        sampler.add(first);
        ProcReading second = reading(1, {threadStat(1, "gui", 'R', 11, 0)}, {});
        second.readerThreadId = 1;
        const auto sample = sampler.add(second);
        QVERIFY(sample);
        QCOMPARE(sample->threads[0].state, 'R');
        QVERIFY(!sample->threads[0].running);
    }

    void threadsBornDuringThePeriodCountFromZero() {
        ProcessSampler sampler;
        sampler.add(reading(0, {threadStat(1, "gui", 'S', 10, 0)}, {}));
        const auto sample = sampler.add(
            reading(2, {threadStat(1, "gui", 'S', 10, 0), threadStat(7, "new", 'R', 30, 10)}, {}));
        QVERIFY(sample);
        QCOMPARE(sample->threads.size(), std::size_t(2));
        QCOMPARE(sample->threads[1].cpuPercent, 20.0); // 40 ticks in 200
    }

    void reusedThreadIdIsANewThreadNotANegativeRate() {
        ProcessSampler sampler;
        sampler.add(reading(0, {threadStat(9, "old", 'S', 500, 0)}, {}));
        const auto sample = sampler.add(reading(1, {threadStat(9, "reborn", 'R', 20, 0)}, {}));
        QVERIFY(sample);
        QCOMPARE(sample->threads[0].cpuPercent, 20.0);
    }

    void coreUtilisationIsBusyTicksOverAllTicks() {
        ProcessSampler sampler;
        sampler.add(reading(0, {}, {{0, 1000, 5000}, {1, 2000, 5000}, {2, 0, 0}}));
        const auto sample =
            sampler.add(reading(1, {}, {{0, 1075, 5100}, {1, 2000, 5100}, {2, 0, 0}}));
        QVERIFY(sample);
        QCOMPARE(sample->coreBusyPercent.size(), std::size_t(3));
        QCOMPARE(sample->coreBusyPercent[0], 75.0);
        QCOMPARE(sample->coreBusyPercent[1], 0.0);
        QCOMPARE(sample->coreBusyPercent[2], 0.0); // no ticks at all: not a division by zero
    }

    void aClockThatDidNotAdvanceGivesNoSample() {
        ProcessSampler sampler;
        sampler.add(reading(5, {threadStat(1, "gui", 'S', 1, 0)}, {}));
        QVERIFY(!sampler.add(reading(5, {threadStat(1, "gui", 'S', 2, 0)}, {})));
        // The reading still became the base for the next period.
        const auto sample = sampler.add(reading(6, {threadStat(1, "gui", 'S', 12, 0)}, {}));
        QVERIFY(sample);
        QCOMPARE(sample->threads[0].cpuPercent, 10.0);
    }
};

QTEST_APPLESS_MAIN(TestProcessSampler)
#include "tst_processsampler.moc"
