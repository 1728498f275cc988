// Templates are split once into literal pieces and slots; rendering fills the slots from a
// user's variables and the built-ins, and malformed slots are refused saying where.
#include "core/scenario/TextTemplate.h"

#include <QRegularExpression>
#include <QTest>

#include <set>

using namespace stampede;

namespace {

TextTemplate parsed(std::string_view text, VariableNames& names) {
    auto result = TextTemplate::parse(text, names);
    if (auto* error = std::get_if<std::string>(&result))
        qFatal("%s: %s", std::string(text).c_str(), error->c_str());
    return std::get<TextTemplate>(std::move(result));
}

} // namespace

class TestTextTemplate : public QObject {
    Q_OBJECT

private slots:
    void literalTextStaysConstant() {
        VariableNames names;
        const TextTemplate t = parsed("/courses?x=1&y={2}", names);
        QVERIFY(t.constant());
        QCOMPARE(t.literal(), std::string("/courses?x=1&y={2}"));
        QCOMPARE(names.size(), 0);
    }
    void variablesAreNumberedOnceAndFilled() {
        VariableNames names;
        const TextTemplate url = parsed("/items/{{ id }}?owner={{user_name}}&again={{id}}", names);
        QVERIFY(!url.constant());
        QCOMPARE(names.size(), 2);
        QCOMPARE(names.find("id"), 0);
        QCOMPARE(url.variables(), (std::vector<int>{0, 1}));
        const std::vector<std::string> values{"42", "ada"};
        TemplateValues v;
        v.variables = &values;
        QCOMPARE(url.rendered(v), std::string("/items/42?owner=ada&again=42"));
        // A second template shares the numbering.
        const TextTemplate body = parsed(R"({"id": {{id}}})", names);
        QCOMPARE(names.size(), 2);
        QCOMPARE(body.rendered(v), std::string(R"({"id": 42})"));
    }
    void builtInsFillFromTheUserAndItsIteration() {
        VariableNames names;
        std::mt19937_64 random(1);
        const TextTemplate t =
            parsed("u{{user}}-i{{iteration}}-r{{random_int(5, 7)}}-{{uuid}}", names);
        TemplateValues v;
        v.user = 3;
        v.iteration = 12;
        v.random = &random;
        std::set<std::string> draws;
        const QRegularExpression shape(
            "^u3-i12-r[5-7]-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$");
        for (int i = 0; i < 200; ++i) {
            const std::string text = t.rendered(v);
            QVERIFY2(shape.match(QString::fromStdString(text)).hasMatch(), text.c_str());
            draws.insert(text.substr(8, 1));
        }
        QCOMPARE(draws, (std::set<std::string>{"5", "6", "7"})); // the whole closed range
    }
    void malformedSlotsSayWhere_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("message");
        QTest::newRow("unclosed") << "/a/{{id"
                                  << "unclosed {{ at character 4";
        QTest::newRow("empty") << "x{{ }}"
                               << "empty {{}} at character 2";
        QTest::newRow("bad name") << "{{a b}}"
                                  << "is not a variable name";
        QTest::newRow("random args") << "{{random_int(1)}}"
                                     << "must look like random_int(1,100)";
        QTest::newRow("random order") << "{{random_int(9,1)}}"
                                      << "the first number is above";
        QTest::newRow("random words") << "{{random_int(a,b)}}"
                                      << "needs two whole numbers";
    }
    void malformedSlotsSayWhere() {
        QFETCH(QString, text);
        QFETCH(QString, message);
        VariableNames names;
        const auto result = TextTemplate::parse(text.toStdString(), names);
        const auto* error = std::get_if<std::string>(&result);
        QVERIFY(error);
        QVERIFY2(QString::fromStdString(*error).contains(message), error->c_str());
    }
};

QTEST_GUILESS_MAIN(TestTextTemplate)
#include "tst_texttemplate.moc"
