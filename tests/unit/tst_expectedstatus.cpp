#include "core/scenario/ExpectedStatus.h"

#include <QTest>

using namespace stampede;

namespace {

ExpectedStatus parsed(const char* text) {
    auto result = ExpectedStatus::parse(text);
    if (auto* error = std::get_if<std::string>(&result))
        qFatal("%s: %s", text, error->c_str());
    return std::get<ExpectedStatus>(result);
}

} // namespace

class TestExpectedStatus : public QObject {
    Q_OBJECT

private slots:
    void unsetAcceptsWhatTheEngineAccepts() {
        const ExpectedStatus any = parsed("");
        QVERIFY(any.any());
        QVERIFY(any.accepts(200) && any.accepts(304) && !any.accepts(404) && !any.accepts(0));
    }
    void listsAndClasses() {
        const ExpectedStatus s = parsed("201, 2xx ,404");
        QVERIFY(s.accepts(201) && s.accepts(299) && s.accepts(404));
        QVERIFY(!s.accepts(302) && !s.accepts(500) && !s.accepts(0));
        QCOMPARE(s.text(), std::string("201, 2xx ,404"));
        QVERIFY(parsed("5XX").accepts(503));
    }
    void nonsenseIsRefused() {
        for (const char* text : {"abc", "99", "600", "2xx,", "6xx", "200;201"}) {
            const auto result = ExpectedStatus::parse(text);
            QVERIFY2(std::holds_alternative<std::string>(result), text);
        }
    }
};

QTEST_GUILESS_MAIN(TestExpectedStatus)
#include "tst_expectedstatus.moc"
