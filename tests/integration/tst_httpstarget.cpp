// The embedded target over TLS, against the curl transport (https is libcurl's): a
// self-signed certificate fails verification as class tls with libcurl's words for it,
// --insecure and --cacert pass, and the native transport stays out of https.
#include "core/server/TargetServer.h"
#include "tests/common/DescribedErrors.h"
#include "tests/integration/RunToEnd.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace stampede;

class TestHttpsTarget : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;

    QString writeCertificate(const std::string& pem, const QString& name) {
        QFile file(dir_.filePath(name));
        if (!file.open(QIODevice::WriteOnly) || file.write(pem.data(), qint64(pem.size())) < 0)
            qFatal("cannot write %s", qPrintable(file.fileName()));
        return file.fileName();
    }
    static const ErrorSummary& tlsErrors(const RunReport& report) {
        return report.final.errorsByClass[std::size_t(ErrorClass::Tls)];
    }

private slots:
    void verificationFailsEveryRequestNamingTheCertificateProblem() {
        TargetServer server(TargetServerOptions{.tls = makeSelfSignedIdentity()});
        RunReport report;
        runToEnd(closedRunOf(2, 10), server.url(), report);
        QCOMPARE(report.engine, std::string("curl"));
        QCOMPARE(report.final.requests, 10u);
        QCOMPARE(report.final.completed, 0u);
        QCOMPARE(report.final.errors, 10u);
        QCOMPARE(tlsErrors(report).count, 10u);
        QVERIFY2(tlsErrors(report).firstMessage.find("self-signed certificate") !=
                     std::string::npos,
                 tlsErrors(report).firstMessage.c_str());
        QCOMPARE(report.httpVersion, std::string()); // nothing answered
        QCOMPARE(server.stats().requests, 0u);
    }
    void insecurePassesOverKeptAliveConnections() {
        TargetServer server(TargetServerOptions{.tls = makeSelfSignedIdentity()});
        Plan plan = closedRunOf(4, 200);
        plan.verifyTls = false;
        RunReport report;
        runToEnd(plan, server.url(), report);
        QVERIFY2(report.final.errors == 0, describedErrors(report));
        QCOMPARE(report.final.statusCounts.at(200), 200u);
        QCOMPARE(report.httpVersion, std::string("1.1"));
        QTRY_COMPARE(server.stats().requests, 200u);
        // One TLS handshake per user, then keep-alive inside the TLS stream.
        QCOMPARE(server.stats().connectionsAccepted, 4u);
    }
    void caCertPassesWithVerificationOn() {
        TargetServer server(TargetServerOptions{.tls = makeSelfSignedIdentity()});
        Plan plan = closedRunOf(2, 50);
        plan.caCertFile = writeCertificate(server.certificatePem(), "target.pem").toStdString();
        QVERIFY(plan.verifyTls);
        RunReport report;
        runToEnd(plan, server.url(), report);
        QVERIFY2(report.final.errors == 0, describedErrors(report));
        QCOMPARE(report.final.statusCounts.at(200), 50u);
        QCOMPARE(report.httpVersion, std::string("1.1"));
    }
    void anotherServersCertificateIsNoTrust() {
        TargetServer server(TargetServerOptions{.tls = makeSelfSignedIdentity()});
        Plan plan = closedRunOf(1, 3);
        plan.caCertFile =
            writeCertificate(makeSelfSignedIdentity().certificatePem, "other.pem").toStdString();
        RunReport report;
        runToEnd(plan, server.url(), report);
        QCOMPARE(tlsErrors(report).count, 3u);
        QVERIFY2(tlsErrors(report).firstMessage.find("self-signed certificate") !=
                     std::string::npos,
                 tlsErrors(report).firstMessage.c_str());
    }
    void aNameTheCertificateDoesNotHoldIsRefused() {
        // 127.0.0.2 is loopback too, but not among the certificate's names.
        TargetServer server(
            TargetServerOptions{.address = "127.0.0.2", .tls = makeSelfSignedIdentity()});
        Plan plan = closedRunOf(1, 3);
        plan.caCertFile = writeCertificate(server.certificatePem(), "named.pem").toStdString();
        RunReport report;
        runToEnd(plan, server.url(), report);
        QCOMPARE(tlsErrors(report).count, 3u);
        QVERIFY2(tlsErrors(report).firstMessage.find("'127.0.0.2'") != std::string::npos,
                 tlsErrors(report).firstMessage.c_str());
    }
    void http2FallsBackToTheHttp11TheTargetSpeaks() {
        // The target offers no ALPN, so libcurl's HTTP/2 request settles on HTTP/1.1.
        TargetServer server(TargetServerOptions{.tls = makeSelfSignedIdentity()});
        Plan plan = closedRunOf(2, 20);
        plan.verifyTls = false;
        plan.httpVersion = HttpVersion::Http2;
        RunReport report;
        runToEnd(plan, server.url(), report);
        QVERIFY2(report.final.errors == 0, describedErrors(report));
        QCOMPARE(report.httpVersion, std::string("1.1"));
    }
    void theNativeTransportRefusesHttpsAndAutoTakesCurl() {
        TargetServer server(TargetServerOptions{.tls = makeSelfSignedIdentity()});
        Plan plan = closedRunOf(1, 1);
        plan.verifyTls = false;
        plan.engine = Engine::Native;
        LoadEngine engine;
        const auto error = engine.start(plan, server.url(), std::make_shared<CollectingSink>());
        QVERIFY(error.has_value());
        QVERIFY2(error->find("request.engine") != std::string::npos &&
                     error->find("not plain http://") != std::string::npos,
                 error->c_str());
        plan.engine = Engine::Auto;
        RunReport report;
        runToEnd(plan, server.url(), report);
        QCOMPARE(report.engine, std::string("curl"));
        QCOMPARE(report.engineWhy, std::string("auto: the URL is not plain http://"));
        QCOMPARE(report.final.errors, 0u);
    }
    void aClientThatIsNotTlsDoesNotHurtTheServer() {
        // Plain HTTP spoken to the TLS port fails its handshake; the next client is served.
        TargetServer server(TargetServerOptions{.tls = makeSelfSignedIdentity()});
        Plan plain = closedRunOf(1, 2);
        plain.engine = Engine::Curl;
        RunReport refused;
        std::string url = server.url();
        url.replace(0, 5, "http");
        runToEnd(plain, url, refused);
        QCOMPARE(refused.final.completed, 0u);
        QCOMPARE(refused.final.errors, 2u);
        Plan plan = closedRunOf(1, 5);
        plan.verifyTls = false;
        RunReport report;
        runToEnd(plan, server.url(), report);
        QCOMPARE(report.final.errors, 0u);
    }
};

QTEST_GUILESS_MAIN(TestHttpsTarget)
#include "tst_httpstarget.moc"
