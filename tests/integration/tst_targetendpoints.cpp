// Every endpoint of the embedded target over real loopback connections, and the counters
// the server keeps about them.
#include "core/net/HttpProbe.h"
#include "core/server/TargetSelfCheck.h"
#include "core/server/TargetServer.h"
#include "tests/common/ThreadNames.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>

using namespace stampede;
using namespace std::chrono_literals;
namespace asio = boost::asio;

class TestTargetEndpoints : public QObject {
    Q_OBJECT

    std::unique_ptr<TargetServer> server;
    std::unique_ptr<HttpProbe> probe;

    // Sends raw bytes on one connection and returns everything the server sent back
    // until it closed the connection.
    std::string rawExchange(const std::string& bytes) {
        asio::io_context io;
        asio::ip::tcp::socket socket(io);
        socket.connect({asio::ip::make_address("127.0.0.1"), server->port()});
        asio::write(socket, asio::buffer(bytes));
        std::string reply;
        boost::system::error_code ec;
        asio::read(socket, asio::dynamic_buffer(reply), ec);
        return reply;
    }

private slots:
    void init() {
        server = std::make_unique<TargetServer>();
        probe = std::make_unique<HttpProbe>(server->host(), server->port());
    }
    void cleanup() {
        probe.reset();
        server.reset();
    }

    void bindsLoopbackOnAnEphemeralPort() {
        QCOMPARE(server->host(), std::string("127.0.0.1"));
        QVERIFY(server->port() != 0);
        QCOMPARE(server->url(), "http://127.0.0.1:" + std::to_string(server->port()) + "/");
    }
    void runsOnANamedThread() {
        // The thread names itself as it starts, a moment after the constructor returns.
        QTRY_VERIFY_WITH_TIMEOUT(threadNames().contains("target-io"), 2000);
    }
    void root() {
        const auto r = probe->get("/");
        QVERIFY2(r.ok(), r.error.message().c_str());
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, std::string("Hello from the Stampede target.\n"));
        QVERIFY(r.contentType.starts_with("text/plain"));
    }
    void head() {
        const auto r = probe->send({.method = "HEAD", .target = "/bytes/5000"});
        QVERIFY2(r.ok(), r.error.message().c_str());
        QCOMPARE(r.status, 200);
        QVERIFY(r.body.empty());
    }
    void bytes() {
        const auto r = probe->get("/bytes/100000");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body.size(), std::size_t(100000));
        QCOMPARE(probe->get("/bytes/67108865").status, 400);
    }
    void largestBytes() {
        // 64 MiB through an instrumented build takes a while: give it time, not a timeout.
        const auto r =
            probe->send({.target = "/bytes/67108864", .timeout = std::chrono::seconds(60)});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body.size(), std::size_t(64 * 1024 * 1024));
    }
    void delay() {
        const auto r = probe->get("/delay/120");
        QCOMPARE(r.status, 200);
        QVERIFY(r.elapsed >= 120ms);
        QCOMPARE(probe->get("/delay/oops").status, 400);
    }
    void status() {
        for (int code : {200, 201, 204, 301, 404, 418, 500, 503, 599}) {
            const auto r = probe->get("/status/" + std::to_string(code));
            QVERIFY2(r.ok(), r.error.message().c_str());
            QCOMPARE(r.status, code);
        }
        QCOMPARE(probe->get("/status/99").status, 400);
        QCOMPARE(server->stats().count(Endpoint::Status, 503), 1u);
        QCOMPARE(server->stats().count(Endpoint::Status, 400), 1u);
    }
    void echo() {
        for (const char* method : {"POST", "PUT", "PATCH"}) {
            const auto r = probe->send({.method = method,
                                        .target = "/echo",
                                        .headers = {{"Content-Type", "application/xml"}},
                                        .body = "<a>é</a>"});
            QCOMPARE(r.status, 200);
            QCOMPARE(r.body, std::string("<a>é</a>"));
            QCOMPARE(r.contentType, std::string("application/xml"));
        }
        QCOMPARE(probe->get("/echo").status, 405);
    }
    void headersAsJson() {
        const auto r = probe->send({.target = "/headers", .headers = {{"X-Lesson", "p99"}}});
        QCOMPARE(r.status, 200);
        const auto json = QJsonDocument::fromJson(QByteArray::fromStdString(r.body)).object();
        QCOMPARE(json["headers"]["X-Lesson"].toString(), QString("p99"));
        QCOMPARE(json["headers"]["User-Agent"].toString(), QString("stampede-probe"));
    }
    void latencyDistribution() {
        const auto r = probe->get("/?latency=fixed:80");
        QCOMPARE(r.status, 200);
        QVERIFY(r.elapsed >= 80ms);
        QCOMPARE(probe->get("/?latency=exp:-3").status, 400);
        QCOMPARE(probe->get("/?fail=1").status, 500);
    }
    void notFound() { QCOMPARE(probe->get("/missing").status, 404); }

    void statsEndpointAgreesWithInProcessCounters() {
        probe->get("/");
        probe->get("/");
        probe->get("/status/503");
        const auto r = probe->get("/stats");
        QCOMPARE(r.contentType, std::string("application/json"));
        const auto json = QJsonDocument::fromJson(QByteArray::fromStdString(r.body)).object();
        QCOMPARE(json["endpoints"]["/"]["status"]["200"].toInt(), 2);
        QCOMPARE(json["endpoints"]["/status/CODE"]["status"]["503"].toInt(), 1);
        QCOMPARE(json["requests"].toInt(), 3); // a /stats request is counted once answered
        const auto snap = server->stats();
        QCOMPARE(snap.count(Endpoint::Root, 200), 2u);
        QCOMPARE(snap.count(Endpoint::Stats, 200), 1u);
        QCOMPARE(snap.requests, 4u);
    }

    void keepAliveServesManyRequestsOnOneConnection() {
        const std::string one = "GET / HTTP/1.1\r\nHost: t\r\n\r\n";
        const std::string last = "GET /bytes/3 HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n";
        const std::string reply = rawExchange(one + one + one + last); // pipelined
        QCOMPARE(QByteArray::fromStdString(reply).count("HTTP/1.1 200 OK"), 4);
        QVERIFY(reply.ends_with("abc"));
        const auto snap = server->stats();
        QCOMPARE(snap.connectionsAccepted, 1u);
        QCOMPARE(snap.requests, 4u);
    }

    void oversizedHeadersGet431() {
        const std::string request =
            "GET / HTTP/1.1\r\nHost: t\r\nX-Big: " + std::string(20000, 'x') + "\r\n\r\n";
        const std::string reply = rawExchange(request);
        QVERIFY2(reply.starts_with("HTTP/1.1 431"), reply.substr(0, 60).c_str());
        QCOMPARE(server->stats().count(Endpoint::BadRequest, 431), 1u);
    }
    void oversizedBodyGets413() {
        const std::string request =
            "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 9000000\r\n\r\n";
        const std::string reply = rawExchange(request + std::string(64 * 1024, 'b'));
        QVERIFY2(reply.starts_with("HTTP/1.1 413"), reply.substr(0, 60).c_str());
    }
    void malformedRequestGets400() {
        const std::string reply = rawExchange("BLAH\r\n\r\n");
        QVERIFY2(reply.starts_with("HTTP/1.1 400"), reply.substr(0, 60).c_str());
        const std::string badLength =
            rawExchange("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: lots\r\n\r\n");
        QVERIFY2(badLength.starts_with("HTTP/1.1 400"), badLength.substr(0, 60).c_str());
        QCOMPARE(server->stats().count(Endpoint::BadRequest, 400), 2u);
        QCOMPARE(probe->get("/").status, 200); // and the server carries on
    }

    void selfCheckPasses() {
        const auto results = TargetSelfCheck(server->host(), server->port()).run();
        QVERIFY(results.size() >= 10);
        for (const auto& result : results)
            QVERIFY2(result.passed, (result.name + ": " + result.detail).c_str());
    }
    void selfCheckFailsWithoutAServer() {
        const std::uint16_t port = server->port();
        server.reset();
        const auto results = TargetSelfCheck("127.0.0.1", port).run();
        QVERIFY(std::none_of(results.begin(), results.end(), [](auto& r) { return r.passed; }));
    }

    void listensOnIpv6LoopbackWhenAsked() {
        std::unique_ptr<TargetServer> v6;
        try {
            v6 = std::make_unique<TargetServer>(TargetServerOptions{.address = "::1"});
        } catch (const std::exception& e) {
            QSKIP(e.what()); // a machine without IPv6 loopback
        }
        QCOMPARE(v6->host(), std::string("[::1]"));
        QCOMPARE(HttpProbe(v6->host(), v6->port()).get("/").status, 200);
    }
    void bindFailureIsAReadableError() {
        try {
            TargetServer clash(TargetServerOptions{.port = server->port()});
            QFAIL("binding a port in use must throw");
        } catch (const std::runtime_error& e) {
            QVERIFY2(QString(e.what()).contains("Address already in use"), e.what());
        }
        try {
            TargetServer bad(TargetServerOptions{.address = "not-an-ip"});
            QFAIL("a bad address must throw");
        } catch (const std::runtime_error& e) {
            QVERIFY2(QString(e.what()).contains("not an IP address"), e.what());
        }
    }

    // The REST resource, as the course's Flask and FastAPI servers serve /courses.
    void itemsAreCreatedListedReadReplacedAndDeleted() {
        const auto post = [&](const char* target, const char* body) {
            return probe->send({.method = "POST",
                                .target = target,
                                .headers = {{"Content-Type", "application/json"}},
                                .body = body});
        };
        const ProbeResponse created = post("/items", R"({"title": "Parallel Programming"})");
        QCOMPARE(created.status, 201);
        QCOMPARE(created.contentType, std::string("application/json"));
        const QJsonObject item =
            QJsonDocument::fromJson(QByteArray::fromStdString(created.body)).object();
        QCOMPARE(item["id"].toInt(), 1);
        QCOMPARE(item["title"].toString(), QString("Parallel Programming"));
        QCOMPARE(post("/items", R"({"title": "Operating Systems"})").status, 201);
        // /courses is a collection of its own, numbered from 1 too.
        QCOMPARE(QJsonDocument::fromJson(QByteArray::fromStdString(post("/courses", "{}").body))
                     .object()["id"]
                     .toInt(),
                 1);

        const ProbeResponse list = probe->get("/items");
        QCOMPARE(list.status, 200);
        const QJsonArray all =
            QJsonDocument::fromJson(QByteArray::fromStdString(list.body)).array();
        QCOMPARE(all.size(), 2);
        QCOMPARE(all[1].toObject()["title"].toString(), QString("Operating Systems"));
        QCOMPARE(probe->get("/items/2").status, 200);

        const ProbeResponse put = probe->send(
            {.method = "PUT", .target = "/items/2", .body = R"({"title": "OS", "id": 99})"});
        QCOMPARE(put.status, 200);
        QCOMPARE(
            QJsonDocument::fromJson(QByteArray::fromStdString(put.body)).object()["id"].toInt(),
            2); // the id is the store's, whatever the body says
        QCOMPARE(probe->send({.method = "DELETE", .target = "/items/1"}).status, 204);
        QCOMPARE(probe->get("/items/1").status, 404);
        QCOMPARE(probe->send({.method = "DELETE", .target = "/items/1"}).status, 404);
        QCOMPARE(probe->send({.method = "PUT", .target = "/items/7", .body = "{}"}).status, 404);
        QCOMPARE(server->stats().count(Endpoint::Items, 201), 3u);
    }
    void badItemsAreRefusedWithAReason() {
        const ProbeResponse notJson =
            probe->send({.method = "POST", .target = "/items", .body = "{oops"});
        QCOMPARE(notJson.status, 400);
        QVERIFY2(notJson.body.find("JSON object") != std::string::npos, notJson.body.c_str());
        QCOMPARE(probe->send({.method = "POST", .target = "/items", .body = "[1,2]"}).status, 400);
        const ProbeResponse big =
            probe->send({.method = "POST",
                         .target = "/items",
                         .body = "{\"x\": \"" + std::string(70'000, 'a') + "\"}"});
        QCOMPARE(big.status, 413);
        QCOMPARE(probe->get("/items/abc").status, 400);
        QCOMPARE(probe->send({.method = "PATCH", .target = "/items"}).status, 405);
        QCOMPARE(probe->get("/items").body, std::string("[]"));
    }
    void aCreatedItemSaysWhereItLives() {
        const std::string reply = rawExchange("POST /courses HTTP/1.1\r\nHost: x\r\nConnection: "
                                              "close\r\nContent-Length: 2\r\n\r\n{}");
        QVERIFY2(reply.find("Location: /courses/1\r\n") != std::string::npos, reply.c_str());
    }
};

QTEST_GUILESS_MAIN(TestTargetEndpoints)
#include "tst_targetendpoints.moc"
