// Captures take one value from a response: a JSON pointer or the $.dotted path people paste,
// a header, or a regular expression's first group; what is not there is nothing, not a crash.
#include "core/scenario/ValueCapture.h"

#include <QTest>

using namespace stampede;

namespace {

const char* kBody = R"({"id": 17, "title": "Parallel Programming", "price": 12.5, "open": true,
 "tags": ["gil", "async"], "owner": {"name": "ada", "a/b": 1, "m~n": 2}, "none": null,
 "items": [{"id": "x1"}, {"id": "x2"}]})";

std::optional<std::string> take(ValueCapture::From from, const char* expression,
                                const char* body = kBody) {
    auto compiled = ValueCapture::compile(from, expression);
    if (auto* error = std::get_if<std::string>(&compiled))
        qFatal("%s: %s", expression, error->c_str());
    const std::vector<std::pair<std::string, std::string>> headers{
        {"Content-Type", "application/json"}, {"Location", "/items/17"}};
    return std::get<ValueCapture>(compiled).take({body, &headers});
}

} // namespace

class TestValueCapture : public QObject {
    Q_OBJECT

private slots:
    void jsonPointersAndDottedPathsFindTheSameValues_data() {
        QTest::addColumn<QString>("expression");
        QTest::addColumn<QString>("value");
        QTest::newRow("pointer number") << "/id"
                                        << "17";
        QTest::newRow("dotted number") << "$.id"
                                       << "17";
        QTest::newRow("string") << "$.title"
                                << "Parallel Programming";
        QTest::newRow("decimal") << "/price"
                                 << "12.5";
        QTest::newRow("bool") << "$.open"
                              << "true";
        QTest::newRow("array element") << "$.tags[1]"
                                       << "async";
        QTest::newRow("pointer element") << "/tags/0"
                                         << "gil";
        QTest::newRow("nested") << "$.items[1].id"
                                << "x2";
        QTest::newRow("pointer nested") << "/items/0/id"
                                        << "x1";
        QTest::newRow("bracket name") << "$['owner']['name']"
                                      << "ada";
        QTest::newRow("escaped slash") << "/owner/a~1b"
                                       << "1";
        QTest::newRow("escaped tilde") << "/owner/m~0n"
                                       << "2";
        QTest::newRow("object as JSON") << "$.owner.name"
                                        << "ada";
        QTest::newRow("array as JSON") << "$.tags"
                                       << "[\"gil\",\"async\"]";
    }
    void jsonPointersAndDottedPathsFindTheSameValues() {
        QFETCH(QString, expression);
        QFETCH(QString, value);
        const auto got = take(ValueCapture::From::Json, expression.toUtf8().constData());
        QVERIFY2(got, qPrintable(expression));
        QCOMPARE(QString::fromStdString(*got), value);
    }
    void whatIsNotThereIsNothing() {
        QVERIFY(!take(ValueCapture::From::Json, "$.missing"));
        QVERIFY(!take(ValueCapture::From::Json, "$.tags[5]"));
        QVERIFY(!take(ValueCapture::From::Json, "$.id.deeper"));
        QVERIFY(!take(ValueCapture::From::Json, "$.none")); // null is no value
        QVERIFY(!take(ValueCapture::From::Json, "$.id", "not json at all"));
        QVERIFY(!take(ValueCapture::From::Json, "$.id", ""));
        QVERIFY(!take(ValueCapture::From::Regex, "id=(\\d+)", "no number"));
        QVERIFY(!take(ValueCapture::From::Header, "X-Missing"));
    }
    void aTopLevelArray() {
        QCOMPARE(take(ValueCapture::From::Json, "$[1].id", "[{\"id\":1},{\"id\":2}]"),
                 std::optional<std::string>("2"));
    }
    void headersByNameWhateverTheCase() {
        QCOMPARE(take(ValueCapture::From::Header, "location"),
                 std::optional<std::string>("/items/17"));
    }
    void regexTakesItsFirstGroupOrTheMatch() {
        QCOMPARE(take(ValueCapture::From::Regex, "\"title\": \"([^\"]+)\""),
                 std::optional<std::string>("Parallel Programming"));
        QCOMPARE(take(ValueCapture::From::Regex, "\\d+\\.\\d+"),
                 std::optional<std::string>("12.5"));
    }
    void badExpressionsAreRefusedWithAReason_data() {
        QTest::addColumn<int>("from");
        QTest::addColumn<QString>("expression");
        QTest::addColumn<QString>("message");
        QTest::newRow("neither") << int(ValueCapture::From::Json) << "id"
                                 << "JSON pointer";
        QTest::newRow("unclosed") << int(ValueCapture::From::Json) << "$.a[0"
                                  << "unclosed [";
        QTest::newRow("empty member") << int(ValueCapture::From::Json) << "$..a"
                                      << "empty member";
        QTest::newRow("bad index") << int(ValueCapture::From::Json) << "$.a[x]"
                                   << "neither an index";
        QTest::newRow("bad escape") << int(ValueCapture::From::Json) << "/a~2"
                                    << "~0 and ~1";
        QTest::newRow("regex") << int(ValueCapture::From::Regex) << "(unclosed"
                               << "regular expression";
        QTest::newRow("header") << int(ValueCapture::From::Header) << ""
                                << "header name";
    }
    void badExpressionsAreRefusedWithAReason() {
        QFETCH(int, from);
        QFETCH(QString, expression);
        QFETCH(QString, message);
        const auto compiled =
            ValueCapture::compile(ValueCapture::From(from), expression.toStdString());
        const auto* error = std::get_if<std::string>(&compiled);
        QVERIFY(error);
        QVERIFY2(QString::fromStdString(*error).contains(message), error->c_str());
    }
};

QTEST_GUILESS_MAIN(TestValueCapture)
#include "tst_valuecapture.moc"
