#include "core/server/TargetRouter.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace stampede;
namespace http = boost::beast::http;
using Action = TargetReply::Action;
using namespace std::chrono_literals;

class TestTargetRouter : public QObject {
    Q_OBJECT

    TargetStats stats;
    TargetRouter router{stats, 42};

    TargetReply route(http::verb method, std::string target, std::string body = {}) {
        http::request<http::string_body> request(method, target, 11);
        request.body() = std::move(body);
        return router.route(request);
    }
    TargetReply get(std::string target) { return route(http::verb::get, std::move(target)); }

private slots:
    void root() {
        const auto r = get("/");
        QCOMPARE(r.endpoint, Endpoint::Root);
        QCOMPARE(r.status, 200);
        QVERIFY(!r.body.empty() && r.body.size() < 100);
        QCOMPARE(r.delay, 0us);
        QCOMPARE(route(http::verb::head, "/").status, 200);
        QCOMPARE(route(http::verb::post, "/").status, 405);
    }
    void bytes() {
        QCOMPARE(get("/bytes/0").body.size(), std::size_t(0));
        const auto r = get("/bytes/1000");
        QCOMPARE(r.body.size(), std::size_t(1000));
        QCOMPARE(r.contentType, std::string("application/octet-stream"));
        QCOMPARE(get("/bytes/67108865").status, 400);
        QCOMPARE(get("/bytes/-1").status, 400);
        QCOMPARE(get("/bytes/abc").status, 400);
        QCOMPARE(get("/bytes/").status, 400);
        QCOMPARE(get("/bytes/12abc").endpoint, Endpoint::Bytes);
    }
    void delay() {
        const auto r = get("/delay/250");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.delay, 250ms);
        QCOMPARE(get("/delay/60001").status, 400);
        QCOMPARE(get("/delay/1.5").status, 400);
    }
    void status() {
        QCOMPARE(get("/status/503").status, 503);
        QVERIFY(QByteArray::fromStdString(get("/status/503").body).contains("Service Unavailable"));
        QCOMPARE(route(http::verb::post, "/status/201").status, 201);
        QVERIFY(get("/status/204").body.empty());
        QCOMPARE(get("/status/199").status, 400);
        QCOMPARE(get("/status/600").status, 400);
        QCOMPARE(get("/status/x").status, 400);
    }
    void echo() {
        http::request<http::string_body> request(http::verb::put, "/echo", 11);
        request.set(http::field::content_type, "text/csv");
        request.body() = "a,b\n1,2\n";
        const auto r = router.route(request);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, std::string("a,b\n1,2\n"));
        QCOMPARE(r.contentType, std::string("text/csv"));
        QCOMPARE(route(http::verb::patch, "/echo", "x").contentType,
                 std::string("application/octet-stream"));
        const auto wrong = get("/echo");
        QCOMPARE(wrong.status, 405);
        QCOMPARE(wrong.headers.at(0).second, std::string("POST, PUT, PATCH"));
    }
    void headers() {
        http::request<http::string_body> request(http::verb::get, "/headers", 11);
        request.set("X-Trace", "abc");
        request.insert("Accept", "text/plain");
        request.insert("Accept", "application/json");
        const auto r = router.route(request);
        QCOMPARE(r.contentType, std::string("application/json"));
        const auto json = QJsonDocument::fromJson(QByteArray::fromStdString(r.body)).object();
        QCOMPARE(json["headers"]["X-Trace"].toString(), QString("abc"));
        QCOMPARE(json["headers"]["Accept"].toString(), QString("text/plain, application/json"));
    }
    void faults() {
        QCOMPARE(get("/stall").action, Action::Stall);
        QCOMPARE(route(http::verb::post, "/stall").action, Action::Stall);
        QCOMPARE(get("/close").action, Action::CloseMidway);
        QCOMPARE(get("/reset").action, Action::Reset);
        QCOMPARE(get("/garbage").action, Action::Garbage);
        QVERIFY(!QByteArray::fromStdString(get("/garbage").body).startsWith("HTTP"));
        QCOMPARE(get("/stall").recordedStatus(), 0);
        QCOMPARE(get("/close").recordedStatus(), 200);
    }
    void drip() {
        const auto r = get("/drip?bytes=50&ms=500");
        QCOMPARE(r.action, Action::Drip);
        QCOMPARE(r.dripBytes, std::size_t(50));
        QCOMPARE(r.dripDuration, 500ms);
        QCOMPARE(get("/drip").dripBytes, std::size_t(10));
        QCOMPARE(get("/drip?bytes=x").status, 400);
        QCOMPARE(get("/drip?ms=60001").status, 400);
    }
    void latencyAndFailures() {
        QCOMPARE(get("/?latency=fixed:15").delay, 15ms);
        const auto spread = get("/?latency=uniform:10-20").delay;
        QVERIFY(spread >= 10ms && spread <= 20ms);
        QCOMPARE(get("/?latency=bogus").status, 400);
        QVERIFY(QByteArray::fromStdString(get("/?latency=bogus").body).contains("bad latency"));
        QCOMPARE(get("/?fail=1").status, 500);
        QCOMPARE(get("/?fail=0").status, 200);
        QCOMPARE(get("/?fail=1.5").status, 400);
        int failures = 0;
        for (int i = 0; i < 4000; ++i)
            failures += get("/?fail=0.25").status == 500;
        QVERIFY2(failures > 850 && failures < 1150, qPrintable(QString::number(failures)));
    }
    void unknownPathListsEndpoints() {
        const auto r = get("/nope");
        QCOMPARE(r.endpoint, Endpoint::NotFound);
        QCOMPARE(r.status, 404);
        QVERIFY(QByteArray::fromStdString(r.body).contains("/delay/MS"));
    }
    void statsReflectsCounters() {
        stats.record(Endpoint::Delay, 200);
        const auto r = get("/stats");
        const auto json = QJsonDocument::fromJson(QByteArray::fromStdString(r.body)).object();
        QCOMPARE(json["endpoints"]["/delay/MS"]["status"]["200"].toInt(), 1);
    }
};

QTEST_APPLESS_MAIN(TestTargetRouter)
#include "tst_targetrouter.moc"
