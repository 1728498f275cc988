#include "core/report/CsvWriter.h"

#include <QTest>

#include <cstdint>
#include <limits>

using namespace stampede;

namespace {

std::string oneField(std::string_view text) {
    CsvWriter csv;
    csv.field(text).endRow();
    return csv.text();
}

} // namespace

class TestCsvWriter : public QObject {
    Q_OBJECT
private slots:
    void quotesOnlyWhenNeeded_data() {
        QTest::addColumn<QByteArray>("field");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("plain") << QByteArray("GET") << QByteArray("GET\r\n");
        QTest::newRow("empty") << QByteArray("") << QByteArray("\r\n");
        QTest::newRow("spaces kept") << QByteArray(" a b ") << QByteArray(" a b \r\n");
        QTest::newRow("comma") << QByteArray("a,b") << QByteArray("\"a,b\"\r\n");
        QTest::newRow("quote") << QByteArray("say \"hi\"") << QByteArray("\"say \"\"hi\"\"\"\r\n");
        QTest::newRow("only a quote") << QByteArray("\"") << QByteArray("\"\"\"\"\r\n");
        QTest::newRow("newline") << QByteArray("a\nb") << QByteArray("\"a\nb\"\r\n");
        QTest::newRow("carriage return") << QByteArray("a\rb") << QByteArray("\"a\rb\"\r\n");
        QTest::newRow("crlf") << QByteArray("a\r\nb") << QByteArray("\"a\r\nb\"\r\n");
        // UTF-8 bytes pass through untouched: no byte of a multi-byte sequence is special.
        QTest::newRow("non-ascii")
            << QByteArray("Zürich 東京 😀") << QByteArray("Zürich 東京 😀\r\n");
        QTest::newRow("non-ascii with comma")
            << QByteArray("Zürich, 東京") << QByteArray("\"Zürich, 東京\"\r\n");
        // What a spreadsheet would run as a formula is made text; inside a text, = is harmless.
        QTest::newRow("formula") << QByteArray("=HYPERLINK(\"http://x\")")
                                 << QByteArray("\"'=HYPERLINK(\"\"http://x\"\")\"\r\n");
        QTest::newRow("plus") << QByteArray("+1+1") << QByteArray("\"'+1+1\"\r\n");
        QTest::newRow("minus") << QByteArray("-2") << QByteArray("\"'-2\"\r\n");
        QTest::newRow("at") << QByteArray("@SUM(A1)") << QByteArray("\"'@SUM(A1)\"\r\n");
        QTest::newRow("tab") << QByteArray("\tx") << QByteArray("\"'\tx\"\r\n");
        QTest::newRow("leading cr") << QByteArray("\rx") << QByteArray("\"'\rx\"\r\n");
        QTest::newRow("equals inside") << QByteArray("a=b") << QByteArray("a=b\r\n");
    }
    void quotesOnlyWhenNeeded() {
        QFETCH(QByteArray, field);
        QFETCH(QByteArray, expected);
        QCOMPARE(QByteArray::fromStdString(oneField(field.toStdString())), expected);
    }

    void separatesFieldsAndEndsRowsWithCrlf() {
        CsvWriter csv;
        csv.field("a").empty().field("c").endRow();
        csv.empty().empty().endRow();
        csv.field("x,y").field(std::uint64_t{7}).endRow();
        QCOMPARE(csv.text(), std::string("a,,c\r\n,\r\n\"x,y\",7\r\n"));
    }

    void clearStartsAFreshRow() {
        CsvWriter csv;
        csv.field("a").field("b");
        csv.clear();
        csv.field("c").endRow();
        QCOMPARE(csv.text(), std::string("c\r\n"));
    }

    void integers() {
        CsvWriter csv;
        csv.field(0).field(-42).field(std::numeric_limits<std::uint64_t>::max()); // numbers stay
        csv.field(std::numeric_limits<std::int64_t>::min()).endRow();
        QCOMPARE(csv.text(), std::string("0,-42,18446744073709551615,-9223372036854775808\r\n"));
    }

    void decimals_data() {
        QTest::addColumn<double>("value");
        QTest::addColumn<int>("decimals");
        QTest::addColumn<QString>("expected");
        QTest::newRow("whole") << 2.0 << 3 << "2";
        QTest::newRow("zero") << 0.0 << 3 << "0";
        QTest::newRow("trimmed") << 1.5 << 3 << "1.5";
        QTest::newRow("rounded") << 1234.5678 << 3 << "1234.568";
        QTest::newRow("binary noise hidden") << 0.1 + 0.2 << 3 << "0.3";
        QTest::newRow("below resolution") << 0.0004 << 3 << "0";
        QTest::newRow("no negative zero") << -0.0004 << 3 << "0";
        QTest::newRow("negative") << -12.25 << 3 << "-12.25";
        QTest::newRow("round up to whole") << 9.9996 << 3 << "10";
        QTest::newRow("no decimals") << 1234.5678 << 0 << "1235";
        QTest::newRow("tens stay") << 100.0 << 0 << "100";
        QTest::newRow("zero inside the fraction") << 1.05 << 3 << "1.05";
        QTest::newRow("leading zeros of the fraction") << 7.004 << 3 << "7.004";
        QTest::newRow("millions") << 123456789.1234 << 3 << "123456789.123";
        QTest::newRow("six decimals") << 0.000001 << 6 << "0.000001";
        QTest::newRow("negative fraction only") << -0.25 << 3 << "-0.25";
        QTest::newRow("many decimals") << 0.1234567 << 7 << "0.1234567";
        QTest::newRow("beyond the fast range") << 2e12 + 0.5 << 3 << "2000000000000.5";
        QTest::newRow("big") << 1e15 << 3 << "1000000000000000";
        QTest::newRow("nan") << std::numeric_limits<double>::quiet_NaN() << 3 << "";
        QTest::newRow("infinity") << std::numeric_limits<double>::infinity() << 3 << "";
    }
    void decimals() {
        QFETCH(double, value);
        QFETCH(int, decimals);
        QFETCH(QString, expected);
        QCOMPARE(QString::fromStdString(CsvWriter::formatNumber(value, decimals)), expected);
    }

    void hugeValuesStayFixed() {
        // Never exponent notation, which some readers take for text.
        const std::string text = CsvWriter::formatNumber(1e300);
        QCOMPARE(text.size(), std::size_t(301));
        QVERIFY(text.find_first_not_of("0123456789") == std::string::npos);
    }

    void decimalFieldsUseThreeDecimalsByDefault() {
        CsvWriter csv;
        csv.field(12.34567).field(3.0).endRow();
        QCOMPARE(csv.text(), std::string("12.346,3\r\n"));
    }
};

QTEST_APPLESS_MAIN(TestCsvWriter)
#include "tst_csvwriter.moc"
