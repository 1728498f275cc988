// The stepper: the model of read → add → write (and of locks), every schedule it allows with
// the right outcome counts, and real threads that take exactly the steps they are granted.
#include "core/lab/stepper/ScheduleEnumeration.h"
#include "core/lab/stepper/StepMachine.h"
#include "core/lab/stepper/StepThreads.h"
#include "core/lab/stepper/StepperDemo.h"
#include "core/lab/stepper/StepperSummary.h"
#include "core/lab/stepper/StepperTrace.h"
#include "tests/common/ThreadNames.h"
#include "tests/common/TraceCheck.h"

#include <QTest>

#include <set>

using namespace stampede;
using namespace std::chrono_literals;

namespace {

StepProgram program(const char* name) {
    const auto found = stepProgram(name);
    if (!found)
        qFatal("no step program %s", name);
    return *found;
}

// Replays `schedule` on real threads and returns what they did.
StepperSnapshot replay(const StepProgram& p, const std::vector<int>& schedule) {
    StepThreads threads(p);
    for (const int t : schedule) {
        if (threads.grant(t))
            qFatal("a step of the schedule was refused");
        if (!threads.waitIdle(10s))
            qFatal("a thread did not take its step");
    }
    return threads.snapshot();
}

} // namespace

class TestStepper : public QObject {
    Q_OBJECT
private slots:
    void twoThreadsHaveTwentySchedulesTwoOfThemRight() {
        const ScheduleCount all = enumerateSchedules(program("race"));
        QCOMPARE(all.total, std::size_t{20});
        QCOMPARE(all.schedules.size(), std::size_t{20});
        QCOMPARE(all.byCounter.size(), std::size_t{2});
        QCOMPARE(all.byCounter.at(2), std::size_t{2});
        QCOMPARE(all.byCounter.at(1), std::size_t{18});
        QCOMPARE(all.deadlocks, std::size_t{0});
        std::set<std::vector<int>> distinct;
        for (const ScheduleOutcome& o : all.schedules) {
            QCOMPARE(o.schedule.size(), std::size_t{6});
            QCOMPARE(std::count(o.schedule.begin(), o.schedule.end(), 0), 3);
            distinct.insert(o.schedule);
            // Right only when one thread's write comes before the other's read: run serially.
            const bool serial = o.schedule == std::vector<int>{0, 0, 0, 1, 1, 1} ||
                                o.schedule == std::vector<int>{1, 1, 1, 0, 0, 0};
            QCOMPARE(o.counter, serial ? 2 : 1);
        }
        QCOMPARE(distinct.size(), std::size_t{20});
        QCOMPARE(scheduleCountText(program("race"), all),
                 std::string("20 schedules: 2 end at 2, 18 end at 1 (lost 1)"));
    }
    void threeThreadsHave1680Schedules() {
        const ScheduleCount all = enumerateSchedules(program("race3"));
        QCOMPARE(all.total, std::size_t{1680});        // 9! / (3!)^3
        QCOMPARE(all.byCounter.at(3), std::size_t{6}); // the 3! serial orders
        QCOMPARE(all.byCounter.at(3) + all.byCounter.at(2) + all.byCounter.at(1),
                 std::size_t{1680});
    }
    void withTheLockOnlySerialSchedulesRemainAndAllAreRight() {
        const ScheduleCount all = enumerateSchedules(program("locked"));
        QCOMPARE(all.total, std::size_t{2});
        QCOMPARE(all.byCounter.at(2), std::size_t{2});
        QCOMPARE(all.byCounter.size(), std::size_t{1});
    }
    void oppositeLockOrderDeadlocksInTwoSchedules() {
        const ScheduleCount all = enumerateSchedules(program("deadlock"));
        QCOMPARE(all.total, std::size_t{6});
        QCOMPARE(all.deadlocks, std::size_t{2});
        for (const ScheduleOutcome& o : all.schedules)
            if (o.deadlocked)
                QVERIFY(o.schedule == (std::vector<int>{0, 1}) ||
                        o.schedule == (std::vector<int>{1, 0}));
        QCOMPARE(scheduleCountText(program("deadlock"), all),
                 std::string("6 schedules: 4 finish, 2 deadlock"));
    }

    void theMachineRefusesWhatAThreadCannotDo() {
        StepMachine m(program("deadlock"));
        QVERIFY(m.step(0)); // T1 takes L1
        QVERIFY(m.step(1)); // T2 takes L2
        QVERIFY(m.deadlocked());
        QCOMPARE(*m.whyNot(0), std::string("T1 waits for L2, which T2 holds"));
        QVERIFY(!m.step(0));
        QCOMPARE(m.schedule(), (std::vector<int>{0, 1}));
        QVERIFY(verdictText(m).find("deadlock: T1 waits for L2") == 0);
        StepMachine r(program("race"));
        for (int t : {0, 0, 0})
            QVERIFY(r.step(t));
        QCOMPARE(*r.whyNot(0), std::string("T1 is done"));
        QCOMPARE(*r.whyNot(5), std::string("there is no thread 6"));
    }
    void schedulesReadAsTheyAreWritten() {
        QCOMPARE(*parseSchedule("1 2 1", 2), (std::vector<int>{0, 1, 0}));
        QCOMPARE(*parseSchedule("T1,T2, t2", 2), (std::vector<int>{0, 1, 1}));
        QVERIFY(!parseSchedule("1 3", 2));
        QVERIFY(!parseSchedule("1 x", 2));
        QVERIFY(parseSchedule("", 2)->empty());
        QCOMPARE(scheduleText({0, 1, 1}), std::string("T1 T2 T2"));
    }

    // The real threads do what the model says, on real memory: a lost update happens.
    void realThreadsLoseTheUpdateTheModelPredicts() {
        for (const ScheduleOutcome& o : enumerateSchedules(program("race")).schedules) {
            const StepperSnapshot s = replay(program("race"), o.schedule);
            QCOMPARE(s.model.counter(), o.counter);
            QCOMPARE(s.records.size(), std::size_t{6});
            QCOMPARE(s.records.back().counter, o.counter); // the real shared counter
            for (std::size_t i = 0; i < s.records.size(); ++i)
                QCOMPARE(s.records[i].thread, o.schedule[i]);
        }
    }
    void realThreadsAreNamedAndRefuseABlockedStep() {
        StepThreads threads(program("deadlock"));
        QTRY_VERIFY(threadNames().contains("step-2"));
        QVERIFY(!threads.grant(0));
        QVERIFY(threads.waitIdle(10s));
        QVERIFY(!threads.grant(1));
        QVERIFY(threads.waitIdle(10s));
        const auto refused = threads.grant(0);
        QVERIFY(refused);
        QCOMPARE(*refused, std::string("T1 waits for L2, which T2 holds"));
        QVERIFY(threads.snapshot().model.deadlocked());
        // Leaving now must join both threads, each holding a real mutex: no hang.
    }
    void aDeadlockTraceShowsTheLocksNeverLetGo() {
        const StepperSnapshot s = replay(program("deadlock"), {0, 1});
        const ReadTrace read = readTrace(stepperTrace(program("deadlock"), s.records).json());
        QVERIFY2(read.problem.isEmpty(), qPrintable(read.problem));
        QCOMPARE(read.spansByCategory.value("work"), 2);
        QCOMPARE(read.spansByCategory.value("lock"), 2);
        QVERIFY(read.spanNames.contains("step-1: holds L1 (never let go)"));
        const StepperSnapshot locked = replay(program("locked"), {0, 0, 0, 0, 0, 1, 1, 1, 1, 1});
        const ReadTrace two = readTrace(stepperTrace(program("locked"), locked.records).json());
        QVERIFY(two.spanNames.contains("step-2: holds L1"));
        QCOMPARE(locked.model.counter(), 2);
    }

    void theDemoReplaysTheLessonAndNamesBadOptions() {
        StepperDemo demo({"race", std::nullopt});
        demo.start();
        QVERIFY(demo.wait(30s));
        const StepperProgress p = demo.progress();
        QVERIFY(!p.failed());
        QVERIFY(p.replayed);
        QCOMPARE(p.replayed->model.counter(), 1); // the first schedule that loses an update
        QVERIFY(succeeded({}, p));
        QCOMPARE(*StepperOptions({"nope", std::nullopt}).problem(),
                 std::string("program must be one of race, race3, locked, deadlock, not 'nope'"));
        QCOMPARE(*StepperOptions({"locked", std::vector<int>{0, 1}}).problem(),
                 std::string("schedule step 2: T2 waits for L1, which T1 holds"));
        QVERIFY(!StepperOptions({"race", std::vector<int>{0, 1, 0}}).problem());
    }
};

QTEST_GUILESS_MAIN(TestStepper)
#include "tst_stepper.moc"
