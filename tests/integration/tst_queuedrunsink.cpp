// Results of a real run reach the receiver's thread through its event loop, in order, and
// the final report arrives after the last snapshot.
#include "core/engine/LoadEngine.h"
#include "core/engine/QueuedRunSink.h"
#include "core/server/TargetServer.h"

#include <QCoreApplication>
#include <QTest>
#include <QThread>

#include <thread>
#include <vector>

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
        // The sink's receiver goes once it has delivered the final report.
        QTRY_COMPARE(receiver.children().size(), 0);
    }

    // A run that never starts (refused, or its engine failed) drops its sink without a final
    // report: the receiver it left on the context goes too, so a window that is refused a
    // hundred times does not keep a hundred of them.
    void aSinkDroppedUnusedLeavesNothingBehind() {
        QObject receiver;
        bool called = false;
        {
            QueuedRunSink sink(
                &receiver, [&](const RunSnapshot&) { called = true; },
                [&](const RunReport&) { called = true; });
            QCOMPARE(receiver.children().size(), 1);
        }
        QTRY_COMPARE(receiver.children().size(), 0);
        QVERIFY(!called);
    }

    // Snapshots sent in a burst, faster than the receiver's loop runs, all arrive, in order,
    // before the report; nothing sent after the report is delivered.
    void aBurstArrivesWholeAndInOrder() {
        QObject receiver;
        std::vector<std::uint64_t> seen;
        int reports = 0;
        bool reportBeforeLastSnapshot = false;
        auto sink = std::make_shared<QueuedRunSink>(
            &receiver,
            [&](const RunSnapshot& s) {
                reportBeforeLastSnapshot |= reports > 0;
                seen.push_back(s.requests);
            },
            [&](const RunReport&) { ++reports; });
        std::thread engineSide([sink] {
            for (std::uint64_t i = 0; i < 500; ++i) {
                RunSnapshot snapshot;
                snapshot.requests = i;
                sink->onSnapshot(std::move(snapshot));
            }
            RunReport report;
            report.final.requests = 500;
            sink->onFinished(std::move(report));
            RunSnapshot late;
            late.requests = 1000;
            sink->onSnapshot(std::move(late));
        });
        engineSide.join();
        sink.reset();
        QTRY_COMPARE(reports, 1);
        QCoreApplication::processEvents();
        QCOMPARE(seen.size(), std::size_t{500});
        for (std::size_t i = 0; i < seen.size(); ++i)
            QCOMPARE(seen[i], std::uint64_t{i});
        QVERIFY(!reportBeforeLastSnapshot);
        QTRY_COMPARE(receiver.children().size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestQueuedRunSink)
#include "tst_queuedrunsink.moc"
