// The frozen window's lag meter on made-up clocks (exact), and the headless demo on a real
// loop and the real engine and target: N blocking requests hold the loop for at least N × D,
// the same requests on the engine thread do not.
#include "core/lab/frozen/FrozenDemo.h"
#include "core/lab/frozen/FrozenSummary.h"
#include "core/lab/frozen/FrozenTrace.h"
#include "core/lab/frozen/LoopLagMeter.h"
#include "core/server/TargetServer.h"
#include "tests/common/BuildFlavour.h"
#include "tests/common/TraceCheck.h"

#include <QTest>

using namespace stampede;
using namespace std::chrono_literals;

class TestFrozenDemo : public QObject {
    Q_OBJECT
private slots:
    void theMeterTellsHowLateEachTickCame() {
        LoopLagMeter meter(10ms);
        const auto t0 = LoopLagMeter::Clock::now();
        meter.reset(t0);
        meter.tick(t0 + 10ms);   // on time
        meter.tick(t0 + 22ms);   // 2 ms late
        meter.tick(t0 + 1032ms); // blocked for a second: 1000 ms late
        meter.tick(t0 + 1040ms); // early beside the interval: not negative
        QCOMPARE(meter.ticks(), std::size_t{4});
        QCOMPARE(meter.maxLagMs(), 1000.0);
        QCOMPARE(meter.frozenTicks(), std::size_t{1});
        QCOMPARE(meter.recent().size(), std::size_t{4});
        QCOMPARE(meter.recent()[1].lagMs, 2.0);
        QCOMPARE(meter.recent()[2].atMs, 1032.0);
        QCOMPARE(meter.recent()[3].lagMs, 0.0);
        meter.reset(t0 + 2s);
        QCOMPARE(meter.ticks(), std::size_t{0});
        QCOMPARE(meter.maxLagMs(), 0.0);
    }

    void blockingTheLoopFreezesItAndTheEngineDoesNot() {
        TargetServer target;
        FrozenOptions options;
        options.requests = 3;
        options.delay = 300ms;
        options.targetUrl = target.url();
        QVERIFY(!options.problem());
        FrozenDemo demo(options);
        demo.start();
        QVERIFY(demo.wait(slack(30s)));
        const FrozenProgress p = demo.progress();
        QCOMPARE(p.phase, FrozenProgress::Phase::Done);
        QCOMPARE(p.onTheLoop.answered, 3);
        QCOMPARE(p.onTheEngine.answered, 3);
        // The server waits 300 ms for each: the loop can run no tick for at least 900 ms.
        QVERIFY2(p.onTheLoop.maxLagMs >= 880, qPrintable(QString::number(p.onTheLoop.maxLagMs)));
        QVERIFY(p.onTheLoop.frozenTicks >= 1);
        QVERIFY2(p.onTheEngine.maxLagMs < p.onTheLoop.maxLagMs / 2,
                 qPrintable(QString::number(p.onTheEngine.maxLagMs)));
        QVERIFY(p.onTheEngine.ticks > 80); // ticking all along: ~900 ms of requests + calm
        QVERIFY(succeeded(options, p));
        const ReadTrace trace = readTrace(demoTrace(options, p).json());
        QVERIFY2(trace.problem.isEmpty(), qPrintable(trace.problem));
        QVERIFY(trace.spanNames.contains("frozen-loop: blocked in the requests"));
        QVERIFY(trace.counterNames.contains("loop lag (ms)"));
    }

    void moreThanFiveSecondsOfFreezeIsRefused() {
        FrozenOptions options;
        options.requests = 20;
        options.delay = 300ms;
        options.targetUrl = "http://127.0.0.1:8080/";
        QVERIFY(options.problem()->find("at most 5000 ms") != std::string::npos);
        options.requests = 2;
        options.targetUrl = "not a url";
        QVERIFY(options.problem()->find("no host and port") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestFrozenDemo)
#include "tst_frozendemo.moc"
