// Reading a proc tree: a fixture with hostile names, and the real one with a spinning thread.
#include "core/monitor/ProcReader.h"
#include "core/monitor/ProcessSampler.h"
#include "core/monitor/ThreadState.h"
#include "core/sys/ThreadName.h"

#include <QTest>

#include <algorithm>
#include <atomic>
#include <thread>
#include <unistd.h>

using namespace stampede;
using namespace std::chrono_literals;

class TestProcReader : public QObject {
    Q_OBJECT
private slots:
    void fixtureTree() {
        const ProcReading reading = ProcReader(STAMPEDE_FIXTURES "/proc").read();
        QCOMPARE(reading.process.name, std::string("stampede"));
        QCOMPARE(reading.process.rssPages, 22016);
        QCOMPARE(reading.threads.size(), std::size_t(5));
        QCOMPARE(reading.threads[0].name, std::string("gui"));
        QCOMPARE(reading.threads[2].name, std::string("evil) S 1 (x"));
        QCOMPARE(reading.threads[3].name, std::string("pi worker 1"));
        QCOMPARE(reading.threads[4].name, std::string());
        QCOMPARE(reading.cores.size(), std::size_t(4));
        QVERIFY(reading.ticksPerSecond > 0);
        QCOMPARE(reading.readerThreadId, int(gettid()));
    }

    void missingTreeReadsAsEmptyNotAnError() {
        const ProcReading reading = ProcReader("/nonexistent-proc").read();
        QVERIFY(reading.threads.empty());
        QVERIFY(reading.cores.empty());
    }

    void findsASpinningNamedThreadWithCpu() {
        std::atomic<bool> named = false;
        std::jthread spinner([&](std::stop_token stop) {
            setCurrentThreadName("spin-test");
            named = true;
            volatile std::uint64_t work = 0;
            while (!stop.stop_requested())
                work = work + 1;
        });
        QTRY_VERIFY(named.load());

        ProcReader reader;
        ProcessSampler sampler;
        sampler.add(reader.read());
        // Each period is a fresh chance: on a shared machine one may see little CPU.
        std::optional<ThreadSample> spin;
        std::optional<ProcessSample> sample;
        for (int attempt = 0; attempt < 20 && !(spin && spin->cpuPercent > 0); ++attempt) {
            std::this_thread::sleep_for(250ms);
            sample = sampler.add(reader.read());
            QVERIFY(sample);
            const auto it =
                std::find_if(sample->threads.begin(), sample->threads.end(),
                             [](const ThreadSample& t) { return t.name == "spin-test"; });
            QVERIFY(it != sample->threads.end());
            spin = *it;
        }
        QVERIFY2(spin->cpuPercent > 0, "the spinning thread never showed CPU time");
        QVERIFY(spin->processor >= 0);
        QVERIFY(std::size_t(spin->processor) < sample->coreBusyPercent.size() ||
                sample->coreBusyPercent.empty());
        QVERIFY(sample->processCpuPercent >= spin->cpuPercent * 0.5);
        QVERIFY(sample->rssMiB > 1);
        QVERIFY(!describeThreadState(spin->state).empty());
        QVERIFY(std::any_of(sample->threads.begin(), sample->threads.end(),
                            [](const ThreadSample& t) { return t.id > 0 && !t.name.empty(); }));
    }

    void statesInWords() {
        QCOMPARE(describeThreadState('R'), std::string("running"));
        QCOMPARE(describeThreadState('S'), std::string("sleeping"));
        QCOMPARE(describeThreadState('D'), std::string("waiting (disk)"));
        QCOMPARE(describeThreadState('?'), std::string("unknown (?)"));
    }
};

QTEST_GUILESS_MAIN(TestProcReader)
#include "tst_procreader.moc"
