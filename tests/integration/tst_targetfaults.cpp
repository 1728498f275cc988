// The target's fault endpoints, seen from a real client: each must fail in its own,
// recognisable way, so the load engine's error classes can be tested against them.
#include "core/net/HttpProbe.h"
#include "core/server/TargetServer.h"

#include <QTest>

#include <boost/asio/error.hpp>
#include <boost/beast/core/error.hpp>
#include <boost/beast/http/error.hpp>

using namespace stampede;
using namespace std::chrono_literals;
namespace http = boost::beast::http;

class TestTargetFaults : public QObject {
    Q_OBJECT

    std::unique_ptr<TargetServer> server;
    std::unique_ptr<HttpProbe> probe;

private slots:
    void init() {
        server = std::make_unique<TargetServer>();
        probe = std::make_unique<HttpProbe>(server->host(), server->port());
    }
    void cleanup() {
        probe.reset();
        server.reset();
    }

    void stallNeverAnswersUntilTheClientGivesUp() {
        const auto r = probe->send({.target = "/stall", .timeout = 300ms});
        QCOMPARE(r.error, boost::system::error_code(boost::beast::error::timeout));
        QCOMPARE(r.status, 0);
        QVERIFY(r.elapsed >= 300ms);
        QCOMPARE(server->stats().count(Endpoint::Stall, 0), 1u);
        // The server notices the client leaving and frees the connection.
        QTRY_COMPARE_WITH_TIMEOUT(server->stats().connectionsOpen, 0u, 2000);
    }
    void closeEndsTheBodyEarly() {
        const auto r = probe->get("/close");
        QCOMPARE(r.error, boost::system::error_code(http::error::partial_message));
        QCOMPARE(r.status, 200);
        QCOMPARE(server->stats().count(Endpoint::Close, 200), 1u);
    }
    void dripSendsTheBodySlowly() {
        const auto r = probe->get("/drip?bytes=20&ms=400");
        QVERIFY2(r.ok(), r.error.message().c_str());
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, std::string(20, '*'));
        QVERIFY(r.elapsed >= 380ms);
    }
    void dripWithManyBytesStillKeepsItsDuration() {
        const auto r = probe->get("/drip?bytes=200000&ms=300");
        QCOMPARE(r.body.size(), std::size_t(200000));
        QVERIFY(r.elapsed >= 280ms);
    }
    void aSlowDripTimesOutAfterTheHeaders() {
        // The status line comes at once and the body trickles: a client deadline shorter than
        // the drip shows up as a timeout with a status, not as a refused request.
        const auto r = probe->send({.target = "/drip?bytes=10&ms=20000", .timeout = 1000ms});
        QCOMPARE(r.error, boost::system::error_code(boost::beast::error::timeout));
        QCOMPARE(r.status, 200);
    }
    void resetAbortsTheConnection() {
        const auto r = probe->get("/reset");
        QCOMPARE(r.error, boost::system::error_code(boost::asio::error::connection_reset));
        QCOMPARE(server->stats().count(Endpoint::Reset, 0), 1u);
    }
    void garbageIsNotHttp() {
        const auto r = probe->get("/garbage");
        QVERIFY(!r.ok());
        QCOMPARE(r.error.category(), http::make_error_code(http::error::bad_version).category());
        QVERIFY(r.error != http::error::end_of_stream && r.error != http::error::partial_message);
        QCOMPARE(r.status, 0);
        QCOMPARE(server->stats().count(Endpoint::Garbage, 0), 1u);
    }
    void faultsNeverHurtOtherClients() {
        for (const char* target : {"/reset", "/garbage", "/close"})
            probe->get(target);
        const auto r = probe->get("/");
        QCOMPARE(r.status, 200);
    }
};

QTEST_GUILESS_MAIN(TestTargetFaults)
#include "tst_targetfaults.moc"
