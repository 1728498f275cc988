// HTTP/2 against a real HTTP/2 server, a private nghttpd: over TLS with ALPN (trusting it by
// --insecure or by --cacert) and h2c with prior knowledge. Each run reports the protocol that
// answered, and the server's own log shows the users sharing one connection, as HTTP/2 allows;
// h2c without prior knowledge fails every request at once instead of hanging.
#include "tests/common/DescribedErrors.h"
#include "tests/common/PrivateNghttpd.h"
#include "tests/integration/RunToEnd.h"

#include <QElapsedTimer>
#include <QTest>

using namespace stampede;
using namespace std::chrono_literals;

namespace {

constexpr int kUsers = 20;
constexpr std::uint64_t kRequests = 400;

} // namespace

class TestHttp2Nghttpd : public QObject {
    Q_OBJECT
private slots:
    void usersShareOneConnection_data() {
        QTest::addColumn<bool>("tls");
        QTest::addColumn<bool>("trustByCaCert");
        QTest::newRow("tls alpn, insecure") << true << false;
        QTest::newRow("tls alpn, cacert") << true << true;
        QTest::newRow("h2c, prior knowledge") << false << false;
    }
    void usersShareOneConnection() {
        QFETCH(bool, tls);
        QFETCH(bool, trustByCaCert);
        const PrivateNghttpd server(tls ? PrivateNghttpd::Mode::Tls
                                        : PrivateNghttpd::Mode::Cleartext);
        if (!server.error().isEmpty())
            QFAIL(qPrintable(server.error()));

        Plan plan = closedRunOf(kUsers, kRequests);
        plan.httpVersion = tls ? HttpVersion::Http2 : HttpVersion::Http2PriorKnowledge;
        if (trustByCaCert)
            plan.caCertFile = server.certificateFile();
        else
            plan.verifyTls = false;
        RunReport report;
        runToEnd(plan, server.url(), report);

        QCOMPARE(report.engine, std::string("curl"));
        QVERIFY2(report.final.errors == 0, describedErrors(report));
        QCOMPARE(report.final.statusCounts.at(200), kRequests);
        QCOMPARE(report.final.bytes, kRequests * 1024);
        QCOMPARE(report.httpVersion, std::string("2"));
        QTRY_COMPARE(server.responses(), int(kRequests));
        // Twenty users, one HTTP/2 connection: they wait for it (CURLOPT_PIPEWAIT) instead of
        // each opening their own, and then share it.
        QCOMPARE(server.sessions(), 1);
    }
    void h2cWithoutPriorKnowledgeFailsAtOnce() {
        // An HTTP/1.1 request with "Upgrade: h2c" is no HTTP/2 preface: nghttpd answers it with
        // an HTTP/2 GOAWAY, which libcurl reads as an HTTP/0.9 reply and refuses.
        const PrivateNghttpd server(PrivateNghttpd::Mode::Cleartext);
        if (!server.error().isEmpty())
            QFAIL(qPrintable(server.error()));
        Plan plan = closedRunOf(2, 6);
        plan.httpVersion = HttpVersion::Http2;
        QElapsedTimer clock;
        clock.start();
        RunReport report;
        runToEnd(plan, server.url(), report);
        QVERIFY2(clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(report.final.requests, 6u);
        QCOMPARE(report.final.completed, 0u);
        const ErrorSummary& other = report.final.errorsByClass[std::size_t(ErrorClass::Other)];
        QVERIFY2(other.count == 6, describedErrors(report));
        QVERIFY2(other.firstMessage.find("HTTP/0.9") != std::string::npos,
                 other.firstMessage.c_str());
        QCOMPARE(report.httpVersion, std::string());
        QCOMPARE(server.responses(), 0);
    }
};

QTEST_GUILESS_MAIN(TestHttp2Nghttpd)
#include "tst_http2nghttpd.moc"
