#include "core/text/ParseNumber.h"

#include <QTest>

using namespace stampede;

class TestParseNumber : public QObject {
    Q_OBJECT
private slots:
    void integers() {
        QCOMPARE(parseInteger("0", 0, 10), 0);
        QCOMPARE(parseInteger("10", 0, 10), 10);
        QCOMPARE(parseInteger("67108864", 0, 67108864), 67108864);
        QVERIFY(!parseInteger("11", 0, 10));
        QVERIFY(!parseInteger("-1", 0, 10));
        QVERIFY(!parseInteger("", 0, 10));
        QVERIFY(!parseInteger("1x", 0, 10));
        QVERIFY(!parseInteger(" 1", 0, 10));
        QVERIFY(!parseInteger("1.5", 0, 10));
        QVERIFY(!parseInteger("99999999999999999999999", 0, 10)); // overflow, not wrap-around
    }
    void decimals() {
        QCOMPARE(parseDecimal("0.25", 0, 1), 0.25);
        QCOMPARE(parseDecimal("1", 0, 1), 1.0);
        QVERIFY(!parseDecimal("1.01", 0, 1));
        QVERIFY(!parseDecimal("nan", 0, 1));
        QVERIFY(!parseDecimal("inf", 0, 1e300));
        QVERIFY(!parseDecimal("0.5abc", 0, 1));
        QVERIFY(!parseDecimal("", 0, 1));
    }
};

QTEST_APPLESS_MAIN(TestParseNumber)
#include "tst_parsenumber.moc"
