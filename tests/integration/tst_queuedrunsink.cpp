// Results of a real run reach the receiver's thread through its event loop, in order, and
// the final report arrives after the last snapshot.
#include "core/engine/LoadEngine.h"
#include "core/engine/QueuedRunSink.h"
#include "core/server/TargetServer.h"

#include <QCoreApplication>
#include <QTest>
#include <QThread>

using namespace stampede;
using namespace std::chrono_literals;

class TestQueuedRunSink : public QObject {
    Q_OBJECT
private slots:
    void snapshotsArriveOnTheReceiversThread() {
        TargetServer target;
        LoadEngine engine;
        QObject receiver;
        int snapshots = 0;
        bool wrongThread = false;
        bool snapshotAfterFinish = false;
        std::uint64_t lastRequests = 0;
        bool countsWentBack = false;
        std::optional<RunReport> report;
        auto sink = std::make_shared<QueuedRunSink>(
            &receiver,
            [&](const RunSnapshot& s) {
                ++snapshots;
                wrongThread |= QThread::currentThread() != qApp->thread();
                snapshotAfterFinish |= report.has_value();
                countsWentBack |= s.requests < lastRequests;
                lastRequests = s.requests;
            },
            [&](const RunReport& r) {
                wrongThread |= QThread::currentThread() != qApp->thread();
                report = r;
            });
        Plan plan;
        plan.load.users = 4;
        plan.duration = 1200ms;
        QVERIFY(!engine.start(plan, target.url(), sink));
        QTRY_VERIFY_WITH_TIMEOUT(report.has_value(), 10000);
        QVERIFY(!wrongThread);
        QVERIFY(!snapshotAfterFinish);
        QVERIFY(!countsWentBack);
        QVERIFY2(snapshots >= 10, qPrintable(QString::number(snapshots)));
        QVERIFY(report->final.requests >= lastRequests);
        QCOMPARE(report->final.phase, RunSnapshot::Phase::Finished);
    }
};

QTEST_GUILESS_MAIN(TestQueuedRunSink)
#include "tst_queuedrunsink.moc"
