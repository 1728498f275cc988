// Sequential vs concurrent requests with the real load engine against the real embedded
// target: N×D one at a time, about D all at once, and every request on the chart.
#include "core/lab/requests/RequestsDemo.h"
#include "core/server/TargetServer.h"
#include "tests/common/BuildFlavour.h"
#include "tests/common/UnusedPort.h"

#include <QTest>

#include <set>
#include <thread>

using namespace stampede;
using namespace std::chrono_literals;

class TestRequestsDemo : public QObject {
    Q_OBJECT

    std::unique_ptr<TargetServer> target;

private slots:
    void init() { target = std::make_unique<TargetServer>(); }
    void cleanup() { target.reset(); }

    void oneAtATimeTakesNTimesAsLong() {
        RequestsDemo demo({.requests = 5, .delay = 100ms, .targetUrl = target->url()});
        QCOMPARE(demo.url(), target->url() + "delay/100");
        demo.start();
        QVERIFY(demo.wait(slack(30s)));
        const RequestsProgress p = demo.progress();
        QCOMPARE(p.phase, RequestsProgress::Phase::Done);
        QVERIFY(p.sequential.finished && p.concurrent.finished);

        // Every request recorded, answered, and seen by the server.
        QCOMPARE(p.sequential.records.size(), std::size_t(5));
        QCOMPARE(p.concurrent.records.size(), std::size_t(5));
        QCOMPARE(p.sequential.errors() + p.concurrent.errors(), 0);
        QCOMPARE(target->stats().count(Endpoint::Delay, 200), 10u);

        QVERIFY2(p.sequential.totalMs() >= 5 * 100, std::to_string(p.sequential.totalMs()).c_str());
        QVERIFY2(p.concurrent.totalMs() >= 100, std::to_string(p.concurrent.totalMs()).c_str());
        QVERIFY2(p.concurrent.totalMs() < 2 * 100 * kTimingSlack,
                 std::to_string(p.concurrent.totalMs()).c_str());
        QVERIFY(p.speedUp() > 2.5 / kTimingSlack);

        // One at a time: each starts after the previous answer. All at once: five lanes.
        auto seq = p.sequential.records;
        std::sort(seq.begin(), seq.end(),
                  [](auto& a, auto& b) { return a.startedMs < b.startedMs; });
        for (std::size_t i = 1; i < seq.size(); ++i)
            QVERIFY(seq[i].startedMs >= seq[i - 1].doneMs);
        std::set<int> lanes;
        for (const RequestRecord& r : p.concurrent.records) {
            lanes.insert(r.lane);
            QVERIFY(r.doneMs - r.startedMs >= 100);
        }
        QCOMPARE(lanes.size(), std::size_t(5));
    }

    void stopEndsTheDemoPromptly() {
        RequestsDemo demo({.requests = 20, .delay = 500ms, .targetUrl = target->url()});
        demo.start();
        std::this_thread::sleep_for(300ms);
        demo.requestStop();
        QVERIFY(demo.wait(slack(2s)));
        const RequestsProgress p = demo.progress();
        QCOMPARE(p.phase, RequestsProgress::Phase::Stopped);
        QVERIFY(!p.sequential.finished);
        QVERIFY(p.concurrent.records.empty());
    }

    void refusedConnectionsShowAsErrors() {
        const std::string url = "http://127.0.0.1:" + std::to_string(unusedPort()) + "/";
        RequestsDemo demo({.requests = 3, .delay = 10ms, .targetUrl = url});
        demo.start();
        QVERIFY(demo.wait(slack(30s)));
        const RequestsProgress p = demo.progress();
        QCOMPARE(p.phase, RequestsProgress::Phase::Done);
        QCOMPARE(p.sequential.errors(), 3);
        QCOMPARE(p.concurrent.errors(), 3);
    }
};

QTEST_GUILESS_MAIN(TestRequestsDemo)
#include "tst_requestsdemo.moc"
