// A HAR file, as a browser exports it, read into the requests a scenario's steps would send:
// the client's own headers left to the transport, static assets and other hosts marked so an
// import leaves them out by default, and files that are not HAR refused with the culprit.
#include "core/plan/HarImport.h"

#include <QFile>
#include <QTest>

using namespace stampede;

namespace {

HarArchive shop() {
    QFile file(QStringLiteral(STAMPEDE_FIXTURES "/shop.har"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read the fixture");
    auto read = readHar(file.readAll());
    if (auto* error = std::get_if<std::string>(&read))
        qFatal("%s", error->c_str());
    return std::get<HarArchive>(std::move(read));
}

} // namespace

class TestHarImport : public QObject {
    Q_OBJECT

private slots:
    void everyHttpRequestInOrder() {
        const HarArchive har = shop();
        // The OPTIONS preflight and the data: URL are not requests a plan sends.
        QCOMPARE(har.entries.size(), std::size_t(6));
        QCOMPARE(har.pageHost, std::string("shop.example.com"));
        QCOMPARE(har.entries[0].url, std::string("https://shop.example.com/"));
        QCOMPARE(har.entries[5].host, std::string("shop.example.com:8443"));
    }
    void headersTheTransportSetsAreLeftToIt() {
        const HarArchive har = shop();
        const HarEntry& page = har.entries[0];
        QCOMPARE(page.headers.size(), std::size_t(1)); // :authority, Accept-Encoding dropped
        QCOMPARE(page.headers[0].name, std::string("Accept"));
        const HarEntry& login = har.entries[4];
        QCOMPARE(login.method, HttpMethod::Post);
        QCOMPARE(login.contentType, std::string("application/json"));
        QCOMPARE(login.body, std::string("{\"user\":\"ada\",\"password\":\"secret\"}"));
        QCOMPARE(login.headers,
                 (std::vector<HttpHeader>{{"Cookie", "session=abc"}, {"X-CSRF", "t0k3n"}}));
        QCOMPARE(login.status, 200);
    }
    void staticAssetsAndOtherHostsAreLeftOutByDefault() {
        const HarArchive har = shop();
        QVERIFY(!har.entries[0].staticAsset);
        QVERIFY(har.entries[1].staticAsset); // by resource type
        QVERIFY(har.entries[2].staticAsset); // by MIME type
        QVERIFY(har.entries[3].staticAsset); // a script, on another host too
        QVERIFY(!har.entries[4].staticAsset);
        // The page and the login; the cart lives on another port, so another origin.
        QCOMPARE(har.defaultSelection(), (std::vector<std::size_t>{0, 4}));
    }
    void theChosenEntriesBecomeStepsOnTheFirstOnesOrigin() {
        const HarArchive har = shop();
        Plan base;
        base.load.users = 5;
        base.data.file = "/tmp/users.csv";
        const Plan plan = planFromHar(har, {0, 4, 5}, base);
        QCOMPARE(plan.url, std::string("https://shop.example.com"));
        QCOMPARE(plan.steps.size(), std::size_t(3));
        QCOMPARE(plan.steps[0].method, HttpMethod::Get);
        QCOMPARE(plan.steps[0].url, std::string("/"));
        QCOMPARE(plan.steps[0].headers, (std::vector<HttpHeader>{{"Accept", "text/html"}}));
        QCOMPARE(plan.steps[0].contentType, std::string());
        QCOMPARE(plan.steps[1].method, HttpMethod::Post);
        QCOMPARE(plan.steps[1].url, std::string("/api/login"));
        QCOMPARE(plan.steps[1].body, std::string("{\"user\":\"ada\",\"password\":\"secret\"}"));
        QCOMPARE(plan.steps[1].contentType, std::string("application/json"));
        // Another port is another origin: that step keeps its whole URL.
        QCOMPARE(plan.steps[2].url, std::string("https://shop.example.com:8443/api/cart?id=7"));
        QCOMPARE(plan.load.users, 5);
        QCOMPARE(plan.data, DataSource{});
        QCOMPARE(planFromHar(har, {}, base), base);
    }
    void whatIsNotHarIsRefusedSayingWhy_data() {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("message");
        QTest::newRow("not json") << QByteArray("{\"log\": ") << "not JSON";
        QTest::newRow("not har") << QByteArray(R"({"name": "a plan"})") << "no log.entries";
        QTest::newRow("no request")
            << QByteArray(R"({"log": {"entries": [{"time": 1}]}})") << "log.entries[0].request";
        QTest::newRow("relative url")
            << QByteArray(R"({"log": {"entries": [{"request": {"method": "GET", "url": "/x"}}]}})")
            << "log.entries[0].request.url is not an absolute URL";
        QTest::newRow("nothing to send")
            << QByteArray(R"({"log": {"entries": []}})") << "no HTTP requests";
    }
    void whatIsNotHarIsRefusedSayingWhy() {
        QFETCH(QByteArray, json);
        QFETCH(QString, message);
        const auto read = readHar(json);
        const auto* error = std::get_if<std::string>(&read);
        QVERIFY(error);
        QVERIFY2(QString::fromStdString(*error).contains(message), error->c_str());
    }
};

QTEST_GUILESS_MAIN(TestHarImport)
#include "tst_harimport.moc"
