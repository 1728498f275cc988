#include "core/engine/ErrorClass.h"
#include "core/engine/ErrorClassifier.h"

#include <QTest>

#include <iterator>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>

using namespace stampede;

// Lets the data-driven test carry "no error" and each class in one column.
Q_DECLARE_METATYPE(std::optional<stampede::ErrorClass>)

namespace {

QString describe(std::optional<ErrorClass> c) {
    return c ? QString::fromUtf8(errorClassName(*c).data(), qsizetype(errorClassName(*c).size()))
             : QStringLiteral("none");
}

} // namespace

class TestErrorClassifier : public QObject {
    Q_OBJECT
private slots:
    void classifies_data() {
        QTest::addColumn<int>("result");
        QTest::addColumn<bool>("connected");
        QTest::addColumn<int>("status");
        QTest::addColumn<std::optional<ErrorClass>>("expected");
        const std::optional<ErrorClass> none;
        auto row = [](const char* name, CURLcode code, bool connected, int status,
                      std::optional<ErrorClass> expected) {
            QTest::newRow(name) << int(code) << connected << status << expected;
        };

        row("ok 200", CURLE_OK, true, 200, none);
        row("ok 204", CURLE_OK, true, 204, none);
        row("ok 301", CURLE_OK, true, 301, none);
        row("ok 399", CURLE_OK, true, 399, none);
        row("ok 400", CURLE_OK, true, 400, ErrorClass::Http4xx);
        row("ok 404", CURLE_OK, true, 404, ErrorClass::Http4xx);
        row("ok 499", CURLE_OK, true, 499, ErrorClass::Http4xx);
        row("ok 500", CURLE_OK, true, 500, ErrorClass::Http5xx);
        row("ok 503", CURLE_OK, true, 503, ErrorClass::Http5xx);
        row("ok 599", CURLE_OK, true, 599, ErrorClass::Http5xx);

        row("resolve host", CURLE_COULDNT_RESOLVE_HOST, false, 0, ErrorClass::Dns);
        row("resolve proxy", CURLE_COULDNT_RESOLVE_PROXY, false, 0, ErrorClass::Dns);
        row("refused", CURLE_COULDNT_CONNECT, false, 0, ErrorClass::ConnectionRefused);
        // The same code means two things: no connection yet, or a server that went silent.
        row("timeout before connect", CURLE_OPERATION_TIMEDOUT, false, 0,
            ErrorClass::ConnectTimeout);
        row("timeout after connect", CURLE_OPERATION_TIMEDOUT, true, 0, ErrorClass::Timeout);
        row("peer verification", CURLE_PEER_FAILED_VERIFICATION, true, 0, ErrorClass::Tls);
        row("ssl connect", CURLE_SSL_CONNECT_ERROR, true, 0, ErrorClass::Tls);
        row("ssl cacert file", CURLE_SSL_CACERT_BADFILE, false, 0, ErrorClass::Tls);
        // Every other TLS code of libcurl 7.88: certificates, engines, pinning, status.
        row("ssl cacert (alias)", CURLE_SSL_CACERT, true, 0, ErrorClass::Tls);
        row("ssl client cert problem", CURLE_SSL_CERTPROBLEM, true, 0, ErrorClass::Tls);
        row("ssl cipher", CURLE_SSL_CIPHER, true, 0, ErrorClass::Tls);
        row("ssl engine not found", CURLE_SSL_ENGINE_NOTFOUND, false, 0, ErrorClass::Tls);
        row("ssl engine set failed", CURLE_SSL_ENGINE_SETFAILED, false, 0, ErrorClass::Tls);
        row("ssl engine init failed", CURLE_SSL_ENGINE_INITFAILED, false, 0, ErrorClass::Tls);
        row("ssl shutdown", CURLE_SSL_SHUTDOWN_FAILED, true, 0, ErrorClass::Tls);
        row("ssl crl file", CURLE_SSL_CRL_BADFILE, false, 0, ErrorClass::Tls);
        row("ssl issuer", CURLE_SSL_ISSUER_ERROR, true, 0, ErrorClass::Tls);
        row("ssl pinned key", CURLE_SSL_PINNEDPUBKEYNOTMATCH, true, 0, ErrorClass::Tls);
        row("ssl cert status", CURLE_SSL_INVALIDCERTSTATUS, true, 0, ErrorClass::Tls);
        row("ssl client cert", CURLE_SSL_CLIENTCERT, true, 0, ErrorClass::Tls);
        row("use ssl failed", CURLE_USE_SSL_FAILED, true, 0, ErrorClass::Tls);
        row("recv", CURLE_RECV_ERROR, true, 0, ErrorClass::ConnectionReset);
        row("send", CURLE_SEND_ERROR, true, 0, ErrorClass::ConnectionReset);
        row("got nothing", CURLE_GOT_NOTHING, true, 0, ErrorClass::ConnectionReset);
        row("partial file", CURLE_PARTIAL_FILE, true, 200, ErrorClass::ConnectionReset);
        row("http2 stream", CURLE_HTTP2_STREAM, true, 0, ErrorClass::ConnectionReset);
        row("redirects", CURLE_TOO_MANY_REDIRECTS, true, 302, ErrorClass::TooManyRedirects);
        row("unsupported protocol", CURLE_UNSUPPORTED_PROTOCOL, false, 0, ErrorClass::Other);
        row("weird reply", CURLE_WEIRD_SERVER_REPLY, true, 0, ErrorClass::Other);
        row("write error", CURLE_WRITE_ERROR, true, 200, ErrorClass::Other);
    }
    void classifies() {
        QFETCH(int, result);
        QFETCH(bool, connected);
        QFETCH(int, status);
        QFETCH(std::optional<ErrorClass>, expected);
        const auto got = classifyTransfer(static_cast<CURLcode>(result), connected, status);
        QVERIFY2(got == expected,
                 qPrintable(
                     QStringLiteral("got %1, expected %2").arg(describe(got), describe(expected))));
    }
    void transportFailureWinsOverAStatus() {
        // A transfer cut short after a 500 header is a transport failure, not an HTTP one:
        // the server did not get to finish its answer.
        QCOMPARE(classifyTransfer(CURLE_RECV_ERROR, true, 500),
                 std::optional<ErrorClass>(ErrorClass::ConnectionReset));
        QCOMPARE(classifyTransfer(CURLE_OPERATION_TIMEDOUT, true, 404),
                 std::optional<ErrorClass>(ErrorClass::Timeout));
    }
    void namesAreTheDocumentedOnes() {
        const std::pair<ErrorClass, std::string_view> expected[] = {
            {ErrorClass::Dns, "dns"},
            {ErrorClass::ConnectionRefused, "connection_refused"},
            {ErrorClass::ConnectTimeout, "connect_timeout"},
            {ErrorClass::Tls, "tls"},
            {ErrorClass::Timeout, "timeout"},
            {ErrorClass::ConnectionReset, "connection_reset"},
            {ErrorClass::TooManyRedirects, "too_many_redirects"},
            {ErrorClass::Other, "other"},
            {ErrorClass::Http4xx, "http_4xx"},
            {ErrorClass::Http5xx, "http_5xx"},
            {ErrorClass::UnexpectedStatus, "unexpected_status"},
            {ErrorClass::CaptureFailed, "capture_failed"},
        };
        // A new class must be added here too, with its name: the names are a file format.
        QCOMPARE(std::size(expected), kErrorClassCount);
        for (const auto& [errorClass, name] : expected) {
            QCOMPARE(std::string(errorClassName(errorClass)), std::string(name));
            QCOMPARE(parseErrorClass(name), std::optional<ErrorClass>(errorClass));
        }
    }
    void roundTripsEveryClass() {
        std::set<std::string_view> seen;
        for (std::size_t i = 0; i < kErrorClassCount; ++i) {
            const auto errorClass = static_cast<ErrorClass>(i);
            const std::string_view name = errorClassName(errorClass);
            QVERIFY(!name.empty());
            QVERIFY2(seen.insert(name).second, "two classes share a name");
            QCOMPARE(parseErrorClass(name), std::optional<ErrorClass>(errorClass));
        }
    }
    void parseRejectsUnknownNames() {
        for (const char* name : {"", "DNS", "Dns", "http_3xx", "http4xx", "connection refused",
                                 " dns", "dns ", "timeout_"})
            QVERIFY2(!parseErrorClass(name).has_value(), name);
    }
};

QTEST_APPLESS_MAIN(TestErrorClassifier)
#include "tst_errorclassifier.moc"
