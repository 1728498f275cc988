// Sync vs async server on the real engine and two private embedded targets: the sync one
// never serves faster than its workers allow (Little's law: W / D), the async one serves all
// users at once and so several times as many; Stop ends both at once.
#include "core/lab/servers/ServersDemo.h"
#include "core/lab/servers/ServersSummary.h"
#include "core/lab/servers/ServersTrace.h"
#include "tests/common/BuildFlavour.h"
#include "tests/common/TraceCheck.h"

#include <QTest>

using namespace stampede;
using namespace std::chrono_literals;

namespace {

ServersOptions small() {
    ServersOptions o;
    o.workers = 2;
    o.users = 8;
    o.delay = 100ms; // long beside the CPU each request costs, even under ThreadSanitizer
    o.duration = 1500ms;
    return o;
}

} // namespace

class TestServersDemo : public QObject {
    Q_OBJECT
private slots:
    void theSyncServerStopsAtWorkersOverServiceTime() {
        const ServersOptions o = small();
        QCOMPARE(o.predictedRps(true), 20.0);
        QCOMPARE(o.predictedRps(false), 80.0);
        QCOMPARE(o.predictedLatencyMs(true), 400.0);
        ServersDemo demo(o);
        demo.start();
        QVERIFY(demo.wait(slack(30s)));
        const ServersProgress p = demo.progress();
        QCOMPARE(p.phase, ServersProgress::Phase::Done);
        QVERIFY(p.sync.report && p.async.report);
        const RunSnapshot& sync = p.sync.report->final;
        const RunSnapshot& async = p.async.report->final;
        QCOMPARE(sync.errors, 0u);
        QCOMPARE(async.errors, 0u);
        // Two workers, 100 ms each: at most 2 answers every 100 ms, however many users ask.
        // The bound holds on any machine; a slow one only lowers the figure.
        const double ceiling = 2.0 * (double(sync.elapsed.count()) / 100.0 + 1);
        QVERIFY2(double(sync.requests) <= ceiling,
                 qPrintable(
                     QString("%1 requests in %2 ms").arg(sync.requests).arg(sync.elapsed.count())));
        // Queued behind the workers, a request waits its turn: no answer sooner than D.
        QVERIFY(sync.latency.min() >= 100'000);
        QVERIFY(sync.latency.quantile(0.5) > 2 * 100'000);
        // All eight at once on the async server: several times as many answers.
        QVERIFY2(async.requests >= 2 * sync.requests,
                 qPrintable(QString("async %1, sync %2").arg(async.requests).arg(sync.requests)));
        QVERIFY(succeeded(o, p));
        const std::string text = summaryText(o, p);
        QVERIFY2(text.find("at most 2 / 0.100 s = 20 requests/s") != std::string::npos,
                 text.c_str());
        const ReadTrace trace = readTrace(demoTrace(o, p).json());
        QVERIFY2(trace.problem.isEmpty(), qPrintable(trace.problem));
        QVERIFY(trace.laneNames.values().contains("sync: user 1"));
        QVERIFY(trace.counterNames.contains("async: in flight"));
    }

    void stopEndsTheRunGoingOn() {
        ServersOptions o = small();
        o.duration = 60s;
        ServersDemo demo(o);
        demo.start();
        QTRY_VERIFY_WITH_TIMEOUT(demo.progress().sync.latest.has_value(), int(slack(10s).count()));
        demo.requestStop();
        QVERIFY(demo.wait(slack(5s)));
        const ServersProgress p = demo.progress();
        QCOMPARE(p.phase, ServersProgress::Phase::Stopped);
        QVERIFY(!p.async.started);
        QVERIFY(!succeeded(o, p));
    }

    void badSettingsAreNamed() {
        ServersOptions o;
        o.workers = 0;
        QCOMPARE(*o.problem(), std::string("workers must be between 1 and 64"));
        o = {};
        o.duration = 100ms;
        QVERIFY(o.problem()->find("each run") == 0);
    }
};

QTEST_GUILESS_MAIN(TestServersDemo)
#include "tst_serversdemo.moc"
