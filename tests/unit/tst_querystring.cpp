#include "core/server/QueryString.h"

#include <QTest>

using namespace stampede;

class TestQueryString : public QObject {
    Q_OBJECT
private slots:
    void pairsAndDecoding() {
        const QueryString q("bytes=10&ms=200&name=a%20b+c&empty=&flag");
        QCOMPARE(q.value("bytes").value(), std::string("10"));
        QCOMPARE(q.value("ms").value(), std::string("200"));
        QCOMPARE(q.value("name").value(), std::string("a b c"));
        QCOMPARE(q.value("empty").value(), std::string());
        QVERIFY(q.contains("flag"));
        QVERIFY(!q.contains("missing"));
        QCOMPARE(q.items().size(), std::size_t(5));
    }
    void firstValueWins() {
        const QueryString q("a=1&a=2");
        QCOMPARE(q.value("a").value(), std::string("1"));
    }
    void malformedEscapesKeepRawText() {
        const QueryString q("latency=fixed%3A5&bad=%zz&cut=%4");
        QCOMPARE(q.value("latency").value(), std::string("fixed:5"));
        QCOMPARE(q.value("bad").value(), std::string("%zz"));
        QCOMPARE(q.value("cut").value(), std::string("%4"));
    }
    void percentDecodeRejectsBadEscapes() {
        QVERIFY(!percentDecode("%"));
        QVERIFY(!percentDecode("%4"));
        QVERIFY(!percentDecode("%g0"));
        QCOMPARE(percentDecode("%41%62").value(), std::string("Ab"));
    }
};

QTEST_APPLESS_MAIN(TestQueryString)
#include "tst_querystring.moc"
