// The shares of a plan add up to the whole: users, in-flight cap and request limit with the
// remainders spread, the rate and the ramps divided, and the open model's intended send times
// dealt out round-robin, so that together the shares send exactly what one engine would.
#include "core/plan/PlanShare.h"
#include "core/plan/StageProfile.h"

#include <QTest>

#include <algorithm>
#include <cmath>

using namespace stampede;
using namespace std::chrono_literals;

class TestPlanShare : public QObject {
    Q_OBJECT

private slots:
    void wholeNumbersAddUpWithTheRemainderFirst() {
        Plan plan;
        plan.load.users = 10;
        plan.requestLimit = 1001;
        std::vector<int> users;
        std::uint64_t requests = 0;
        for (int k = 0; k < 4; ++k) {
            const Plan part = planShare(plan, {k, 4});
            users.push_back(part.load.users);
            requests += *part.requestLimit;
            QCOMPARE(part.load.threads, 1);
            QCOMPARE(part.url, plan.url);
            QCOMPARE(part.duration, plan.duration);
        }
        QCOMPARE(users, (std::vector<int>{3, 3, 2, 2}));
        QCOMPARE(requests, 1001u);
    }
    void theWholeIsItsOwnShare() {
        Plan plan;
        plan.load.users = 7;
        plan.load.threads = 1;
        QCOMPARE(planShare(plan, {0, 1}), plan);
    }
    void noShareIsLeftEmpty() {
        Plan plan;
        plan.load.users = 3;
        QCOMPARE(shareCount(plan, 8), 3);
        plan.load.stages = {{1s, 12}, {1s, 0}}; // a ramp: its peak counts
        QCOMPARE(shareCount(plan, 8), 8);
        plan.requestLimit = 5;
        QCOMPARE(shareCount(plan, 8), 5);
        plan.load.model = LoadShape::Model::Open;
        plan.load.maxInFlight = 2;
        QCOMPARE(shareCount(plan, 8), 2);
        QCOMPARE(shareCount(plan, 0), 1);
    }
    void closedRampsAreDividedInWholeUsers() {
        Plan plan;
        plan.load.users = 1;
        plan.load.stages = {{2s, 5}, {1s, 5}};
        const Plan a = planShare(plan, {0, 2});
        const Plan b = planShare(plan, {1, 2});
        QCOMPARE(a.load.stages[0].target + b.load.stages[0].target, 5.0);
        QCOMPARE(a.load.stages[0].target, 3.0);
        QCOMPARE(a.load.users + b.load.users, 1);
        QCOMPARE(a.load.stages[0].duration, 2000ms);
    }
    // The open model: each share's intended send times, from its own profile and its first
    // count, are every count-th of the whole run's, so together they are exactly those.
    void openSharesInterleaveTheWholeSchedule_data() {
        QTest::addColumn<int>("shares");
        QTest::newRow("2") << 2;
        QTest::newRow("3") << 3;
        QTest::newRow("7") << 7;
    }
    void openSharesInterleaveTheWholeSchedule() {
        QFETCH(int, shares);
        Plan plan;
        plan.load.model = LoadShape::Model::Open;
        plan.load.rate = 50;
        plan.load.maxInFlight = 100;
        plan.load.stages = {{2s, 400}, {1s, 400}, {1s, 10}};
        const StageProfile whole(plan.load.rate, plan.load.stages);
        // Not at a stage's end, where a send falls on the horizon itself.
        constexpr double kHorizon = 3.95;
        std::vector<double> wholeTimes;
        for (int i = 0; std::isfinite(whole.timeOfCount(i)) && whole.timeOfCount(i) < kHorizon; ++i)
            wholeTimes.push_back(whole.timeOfCount(i));

        std::vector<double> shareTimes;
        double rate = 0;
        int inFlight = 0;
        for (int k = 0; k < shares; ++k) {
            const RunShare share{k, shares};
            const Plan part = planShare(plan, share);
            rate += part.load.rate;
            inFlight += part.load.maxInFlight;
            const StageProfile profile(part.load.rate, part.load.stages);
            for (int i = 0;; ++i) {
                const double t = profile.timeOfCount(share.firstCount() + i);
                if (!(t < kHorizon))
                    break;
                shareTimes.push_back(t);
            }
        }
        QCOMPARE(rate, plan.load.rate);
        QCOMPARE(inFlight, plan.load.maxInFlight);
        std::sort(shareTimes.begin(), shareTimes.end());
        QCOMPARE(shareTimes.size(), wholeTimes.size());
        for (std::size_t i = 0; i < wholeTimes.size(); ++i)
            QVERIFY2(std::abs(shareTimes[i] - wholeTimes[i]) < 1e-9,
                     qPrintable(QString("send %1: %2 s, whole run %3 s")
                                    .arg(i)
                                    .arg(shareTimes[i], 0, 'g', 12)
                                    .arg(wholeTimes[i], 0, 'g', 12)));
    }
};

QTEST_GUILESS_MAIN(TestPlanShare)
#include "tst_planshare.moc"
