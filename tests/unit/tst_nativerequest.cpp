// What the native transport sends, built once per run, and which plans it may carry: the
// request line and headers libcurl would send, Content-Length when there is a body or a POST,
// IPv6 literals, and a clear refusal for what only libcurl does.
#include "core/engine/NativeRequest.h"
#include "core/engine/TransportChoice.h"
#include "core/scenario/Scenario.h"

#include <QTest>

using namespace stampede;

namespace {

// The plan's one step as the native transport sends it to `url`.
struct Made {
    std::string host;
    std::string port;
    std::string bytes;
    bool headOnly = false;
};

std::variant<NativeRequest, std::string> make(Plan plan, const std::string& url,
                                              const std::string& body = {}) {
    plan.steps.front().body = body;
    auto scenario = Scenario::compile(plan, url, true);
    if (auto* error = std::get_if<PlanError>(&scenario))
        qFatal("not compiled: %s", error->text().c_str());
    return NativeRequest::make(std::get<Scenario>(scenario));
}

Made made(const Plan& plan, const std::string& url, const std::string& body = {}) {
    auto result = make(plan, url, body);
    if (auto* error = std::get_if<std::string>(&result))
        qFatal("refused: %s", error->c_str());
    const auto& request = std::get<NativeRequest>(result);
    return {request.host, request.port, request.stepBytes.front(),
            plan.steps.front().method == HttpMethod::Head};
}

} // namespace

class TestNativeRequest : public QObject {
    Q_OBJECT

private slots:
    void aGetCarriesHostAgentAndAccept() {
        const Made r = made(Plan{}, "http://127.0.0.1:8080/a/b?x=1&y=2");
        QCOMPARE(r.host, std::string("127.0.0.1"));
        QCOMPARE(r.port, std::string("8080"));
        QVERIFY(!r.headOnly);
        const QString bytes = QString::fromStdString(r.bytes);
        QVERIFY2(bytes.startsWith("GET /a/b?x=1&y=2 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n"),
                 qPrintable(bytes));
        QVERIFY(bytes.contains("\r\nUser-Agent: stampede/"));
        QVERIFY(bytes.contains("\r\nAccept: */*\r\n"));
        QVERIFY(!bytes.contains("Content-Length"));
        QVERIFY(bytes.endsWith("\r\n\r\n"));
    }

    void theDefaultPortAndPathAreFilledIn() {
        const Made r = made(Plan{}, "http://example.test");
        QCOMPARE(r.port, std::string("80"));
        QVERIFY(
            QString::fromStdString(r.bytes).startsWith("GET / HTTP/1.1\r\nHost: example.test\r\n"));
    }

    void anIpv6LiteralConnectsWithoutBracketsAndNamesItselfWithThem() {
        const Made r = made(Plan{}, "http://[::1]:9000/");
        QCOMPARE(r.host, std::string("::1"));
        QVERIFY(QString::fromStdString(r.bytes).contains("\r\nHost: [::1]:9000\r\n"));
    }

    void aBodyGetsItsLengthAndTypeAndThePlansHeadersWin() {
        Plan plan;
        plan.steps.front().method = HttpMethod::Put;
        plan.steps.front().contentType = "application/json";
        plan.steps.front().headers = {{"User-Agent", "mine"}, {"X-Token", "abc"}};
        const QString bytes = QString::fromStdString(made(plan, "http://h/p", R"({"a":1})").bytes);
        QVERIFY(bytes.startsWith("PUT /p HTTP/1.1\r\n"));
        QVERIFY(bytes.contains("\r\nUser-Agent: mine\r\n"));
        QCOMPARE(bytes.count("User-Agent"), 1);
        QVERIFY(bytes.contains("\r\nX-Token: abc\r\n"));
        QVERIFY(bytes.contains("\r\nContent-Type: application/json\r\n"));
        QVERIFY(bytes.contains("\r\nContent-Length: 7\r\n\r\n{\"a\":1}"));
    }

    void anEmptyPostStillSaysItsLength() {
        Plan plan;
        plan.steps.front().method = HttpMethod::Post;
        QVERIFY(QString::fromStdString(made(plan, "http://h/").bytes)
                    .contains("\r\nContent-Length: 0\r\n\r\n"));
    }

    void headExpectsNoBody() {
        Plan plan;
        plan.steps.front().method = HttpMethod::Head;
        QVERIFY(made(plan, "http://h/").headOnly);
    }

    void whatOnlyLibcurlDoesIsRefused() {
        QVERIFY(std::holds_alternative<std::string>(make(Plan{}, "https://h/")));
        QVERIFY(std::holds_alternative<std::string>(make(Plan{}, "http://user:pw@h/")));
        Plan twoHosts;
        twoHosts.steps = {Step{}, Step{}};
        twoHosts.steps[1].url = "http://other:81/x";
        QVERIFY(std::holds_alternative<std::string>(make(twoHosts, "http://h/")));
    }

    void aStepWithVariablesIsSerialisedPerRequest() {
        Plan plan;
        Step& step = plan.steps.front();
        step.method = HttpMethod::Post;
        step.url = "/items/{{user}}?n={{iteration}}";
        step.headers = {{"X-User", "u{{user}}"}};
        step.contentType = "application/json";
        auto scenario = std::get<Scenario>(Scenario::compile(plan, "http://h:1/", true));
        const auto request = std::get<NativeRequest>(NativeRequest::make(scenario));
        QVERIFY(request.stepBytes.front().empty()); // nothing to make once
        const RenderedRequest rendered{"/items/7?n=2", {"u7"}, "{\"a\":1}"};
        std::string bytes;
        request.serialise(scenario.steps().front(), &rendered, bytes);
        const QString text = QString::fromStdString(bytes);
        QVERIFY2(text.startsWith("POST /items/7?n=2 HTTP/1.1\r\nHost: h:1\r\n"), qPrintable(text));
        QVERIFY(text.contains("\r\nX-User: u7\r\n"));
        QVERIFY(text.endsWith("\r\nContent-Length: 7\r\n\r\n{\"a\":1}"));
    }

    void autoTakesNativeWheneverThePlanAllowsIt_data() {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("http2");
        QTest::addColumn<bool>("redirects");
        QTest::addColumn<QString>("transport");
        QTest::addColumn<QString>("why");
        QTest::newRow("plain http") << "http://127.0.0.1/" << false << false << "native"
                                    << "auto: plain http:// HTTP/1.1";
        QTest::newRow("embedded target") << "" << false << false << "native"
                                         << "auto: plain http:// HTTP/1.1";
        QTest::newRow("https") << "https://127.0.0.1/" << false << false << "curl"
                               << "auto: the URL is not plain http://";
        QTest::newRow("HTTP/2") << "http://127.0.0.1/" << true << false << "curl"
                                << "auto: the plan asks for HTTP/2";
        QTest::newRow("redirects") << "http://127.0.0.1/" << false << true << "curl"
                                   << "auto: the plan follows redirects";
        QTest::newRow("credentials") << "http://a:b@127.0.0.1/" << false << false << "curl"
                                     << "auto: the URL carries credentials";
    }
    void autoTakesNativeWheneverThePlanAllowsIt() {
        QFETCH(QString, url);
        QFETCH(bool, http2);
        QFETCH(bool, redirects);
        QFETCH(QString, transport);
        QFETCH(QString, why);
        Plan plan;
        plan.httpVersion = http2 ? HttpVersion::Http2 : HttpVersion::Http1_1;
        plan.followRedirects = redirects;
        const auto choice = chooseTransport(plan, url.toStdString());
        const auto* chosen = std::get_if<TransportChoice>(&choice);
        QVERIFY(chosen);
        QCOMPARE(QString::fromStdString(chosen->name), transport);
        QCOMPARE(QString::fromStdString(chosen->why), why);
    }

    void nativeAskedForWhereItCannotGoNamesTheField() {
        Plan plan;
        plan.engine = Engine::Native;
        plan.followRedirects = true;
        const auto choice = chooseTransport(plan, "http://127.0.0.1/");
        const auto* error = std::get_if<std::string>(&choice);
        QVERIFY(error && error->find("request.engine") != std::string::npos &&
                error->find("redirects") != std::string::npos);
        plan.engine = Engine::Curl;
        plan.followRedirects = false;
        QCOMPARE(std::get<TransportChoice>(chooseTransport(plan, "http://127.0.0.1/")).name,
                 std::string("curl"));
    }
};

QTEST_GUILESS_MAIN(TestNativeRequest)
#include "tst_nativerequest.moc"
