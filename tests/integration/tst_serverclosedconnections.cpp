// Kept-alive connections that a real server (a private nginx) closes: while they sit idle
// (keepalive_timeout shorter than the think time) and after a number of requests
// (keepalive_requests), on both transports. Noticed and replaced without an error, and no
// request sent twice: nginx's own log counts exactly what the run counts.
#include "core/engine/LoadEngine.h"
#include "tests/common/PrivateNginx.h"
#include "tests/integration/CollectingSink.h"

#include <QTest>

using namespace stampede;
using namespace std::chrono_literals;

class TestServerClosedConnections : public QObject {
    Q_OBJECT

    static Engine transport() {
        QFETCH_GLOBAL(int, engineRow);
        return Engine(engineRow);
    }
    static RunReport run(Plan plan, const std::string& url) {
        plan.engine = transport();
        LoadEngine engine;
        auto sink = std::make_shared<CollectingSink>();
        if (const auto error = engine.start(plan, url, sink))
            qFatal("start failed: %s", error->c_str());
        if (!engine.wait(60s))
            qFatal("the run did not end within a minute");
        return sink->report().value();
    }
    static Plan closedPlan(int users, std::uint64_t requests) {
        Plan plan;
        plan.load.users = users;
        plan.requestLimit = requests;
        plan.duration.reset();
        return plan;
    }

private slots:
    void initTestCase_data() {
        QTest::addColumn<int>("engineRow");
        QTest::newRow("native") << int(Engine::Native);
        QTest::newRow("curl") << int(Engine::Curl);
    }

    void idleConnectionsTheServerClosedAreReplaced() {
        const PrivateNginx nginx("keepalive_timeout 1s;");
        Plan plan = closedPlan(2, 6);
        plan.load.thinkTime = 1500ms; // longer than nginx keeps an idle connection
        const RunReport report = run(plan, nginx.url());
        QCOMPARE(report.final.requests, 6u);
        QCOMPARE(report.final.errors, 0u);
        QCOMPARE(report.final.statusCounts.at(200), 6u);
        QCOMPARE(report.final.bytes, 6u * 1024u);
        QTRY_COMPARE(nginx.served(), 6);
        // Every request after a pause found its connection closed and took a new one.
        QCOMPARE(nginx.connections(), 6);
    }

    void connectionsTheServerEndsAfterSomeRequestsAreReplaced() {
        const PrivateNginx nginx("keepalive_requests 3;");
        const RunReport report = run(closedPlan(2, 30), nginx.url());
        QCOMPARE(report.final.requests, 30u);
        QCOMPARE(report.final.errors, 0u);
        QCOMPARE(report.final.statusCounts.at(200), 30u);
        QTRY_COMPARE(nginx.served(), 30);
        // Three requests a connection, then nginx says close: two users split the thirty,
        // so ceil(a / 3) + ceil(b / 3) connections with a + b = 30.
        QVERIFY2(nginx.connections() >= 10 && nginx.connections() <= 11,
                 qPrintable(QString::number(nginx.connections())));
    }
};

QTEST_GUILESS_MAIN(TestServerClosedConnections)
#include "tst_serverclosedconnections.moc"
