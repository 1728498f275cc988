// The protocol a run was answered on, as reports write it and as parts of a run merge it.
#include "core/engine/HttpVersionMix.h"

#include <curl/curl.h>

#include <QTest>

using namespace stampede;

class TestHttpVersionMix : public QObject {
    Q_OBJECT
private slots:
    void nothingAnsweredIsEmpty() {
        HttpVersionMix mix;
        QCOMPARE(mix.text(), std::string());
        mix.noteCurl(0); // CURLINFO_HTTP_VERSION of a transfer that got no answer
        QCOMPARE(mix.text(), std::string());
    }
    void onlyOneVersionIsThatVersion() {
        HttpVersionMix mix;
        mix.noteCurl(CURL_HTTP_VERSION_2_0);
        mix.noteCurl(CURL_HTTP_VERSION_2_0);
        QCOMPARE(mix.text(), std::string("2"));
        HttpVersionMix native;
        native.note(HttpVersionMix::Http1_1);
        QCOMPARE(native.text(), std::string("1.1"));
    }
    void bothAreJoinedInVersionOrder() {
        HttpVersionMix mix;
        mix.noteCurl(CURL_HTTP_VERSION_2_0);
        mix.noteCurl(CURL_HTTP_VERSION_1_1);
        QCOMPARE(mix.text(), std::string("1.1+2"));
        mix.noteCurl(CURL_HTTP_VERSION_1_0);
        QCOMPARE(mix.text(), std::string("1.0+1.1+2"));
    }
    void partsMergeByUnion() {
        QCOMPARE(HttpVersionMix::merged("1.1", "2"), std::string("1.1+2"));
        QCOMPARE(HttpVersionMix::merged("2", "1.1"), std::string("1.1+2"));
        QCOMPARE(HttpVersionMix::merged("2", "2"), std::string("2"));
        QCOMPARE(HttpVersionMix::merged("", "1.1"), std::string("1.1"));
        QCOMPARE(HttpVersionMix::merged("", ""), std::string());
        QCOMPARE(HttpVersionMix::merged("1.1+2", "2"), std::string("1.1+2"));
        QCOMPARE(HttpVersionMix::parse("1.1+2+3").text(), std::string("1.1+2+3"));
        QVERIFY(HttpVersionMix::parse("9") == HttpVersionMix{});
    }
};

QTEST_GUILESS_MAIN(TestHttpVersionMix)
#include "tst_httpversionmix.moc"
