// The figures every front end shows of a snapshot, computed once in core: the rate of the
// last interval, the error percentage and the phase's name.
#include "core/engine/CurrentRate.h"
#include "core/engine/RunSnapshot.h"

#include <QTest>

using namespace stampede;
using namespace std::chrono_literals;

namespace {

RunSnapshot at(std::chrono::milliseconds elapsed, std::uint64_t requests) {
    RunSnapshot s;
    s.elapsed = elapsed;
    s.requests = requests;
    return s;
}

} // namespace

class TestCurrentRate : public QObject {
    Q_OBJECT
private slots:
    void firstSnapshotCountsFromTheStart() {
        CurrentRate rate;
        QCOMPARE(rate.next(at(250ms, 50)), 200.0);
    }

    void eachLaterOneCountsOnlyItsInterval() {
        CurrentRate rate;
        rate.next(at(1000ms, 1000));
        QCOMPARE(rate.next(at(1100ms, 1010)), 100.0); // slowed down: not the mean of ~918
        QCOMPARE(rate.next(at(1600ms, 1010)), 0.0);   // a stall shows as a stall
        QCOMPARE(rate.next(at(1850ms, 1510)), 2000.0);
    }

    void theSameSnapshotTwiceKeepsTheRate() {
        // A reader polling faster than the engine snapshots sees one snapshot again.
        CurrentRate rate;
        rate.next(at(100ms, 10));
        const RunSnapshot s = at(200ms, 40);
        QCOMPARE(rate.next(s), 300.0);
        QCOMPARE(rate.next(s), 300.0);
    }

    void nothingElapsedIsNoRate() {
        CurrentRate rate;
        QCOMPARE(rate.next(at(0ms, 0)), 0.0);
    }

    void errorPercentOfFinishedRequests() {
        RunSnapshot s = at(1000ms, 400);
        s.errors = 3;
        QCOMPARE(s.errorPercent(), 0.75);
        QCOMPARE(at(0ms, 0).errorPercent(), 0.0); // nothing sent: no division by zero
    }

    void phaseNamesAreTheJsonOutcomes() {
        QCOMPARE(phaseName(RunSnapshot::Phase::Running), "running");
        QCOMPARE(phaseName(RunSnapshot::Phase::Finished), "finished");
        QCOMPARE(phaseName(RunSnapshot::Phase::Stopped), "stopped");
        QCOMPARE(phaseName(RunSnapshot::Phase::Failed), "failed");
    }
};

QTEST_MAIN(TestCurrentRate)
#include "tst_currentrate.moc"
