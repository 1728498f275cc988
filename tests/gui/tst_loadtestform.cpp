// The load test form on its own, offscreen: every plan field survives it, its editors change
// the plan as a person would use them, curl import goes through the real dialog and core's
// reader, problems find their field even on a hidden tab, and the stage preview draws the
// load the engine will run.
#include "tests/common/FindChild.h"
#include "tests/common/UnusualPlan.h"
#include "ui/loadtest/charts/StagePreviewChart.h"
#include "ui/loadtest/form/CurlImportDialog.h"
#include "ui/loadtest/form/LoadTestForm.h"
#include "ui/widgets/CompactTable.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>
#include <QToolButton>
#include <qcustomplot.h>

using namespace stampede;
using namespace std::chrono_literals;

namespace {

QTabWidget* tabs(const LoadTestForm& form) {
    return child<QTabWidget>(form, "sections");
}

StagePreviewChart* preview(const LoadTestForm& form) {
    return child<StagePreviewChart>(form, "stagePreview");
}

void showTab(LoadTestForm& form, const QString& title) {
    for (int i = 0; i < tabs(form)->count(); ++i)
        if (tabs(form)->tabText(i) == title)
            tabs(form)->setCurrentIndex(i);
}

QVector<QPointF> points(std::initializer_list<QPointF> list) {
    return QVector<QPointF>(list);
}

} // namespace

class TestLoadTestForm : public QObject {
    Q_OBJECT
private slots:
    void roundTripsEveryField() {
        const Plan defaults;
        const Plan plan = unusualPlan();
        QVERIFY(plan.name != defaults.name && plan.url != defaults.url);
        QVERIFY(plan.load != defaults.load && plan.duration != defaults.duration);

        LoadTestForm form;
        form.setPlan(plan);
        QCOMPARE(form.plan(), plan);

        Plan fromFile = plan;
        fromFile.steps.front().body.clear();
        fromFile.steps.front().bodyFile = "/tmp/body.json";
        form.setPlan(fromFile);
        QCOMPARE(form.plan(), fromFile);

        // Values a spin box cannot show exactly survive while the user leaves them alone.
        Plan closed = plan;
        closed.load.model = LoadShape::Model::Closed;
        closed.load.stages = {{1500ms, 1.0 / 7}};
        closed.duration.reset();
        closed.requestLimit = 1'000'000'000'000;
        form.setPlan(closed);
        QCOMPARE(form.plan(), closed);
        child<QSpinBox>(form, "requests")->setValue(100);
        QCOMPARE(form.plan().requestLimit, std::optional<std::uint64_t>(100));
        child<QDoubleSpinBox>(form, "stageTarget0")->setValue(2);
        QCOMPARE(form.plan().load.stages, (std::vector<Stage>{{1500ms, 2}}));

        form.setPlan(defaults);
        QCOMPARE(form.plan(), defaults);
    }

    void editorsChangeThePlan() {
        LoadTestForm form;
        QSignalSpy changed(&form, &LoadTestForm::changed);
        form.show();
        QApplication::setActiveWindow(&form);
        QVERIFY(QTest::qWaitForWindowActive(&form));

        // Headers: add a row and type into it; a row left blank is no header.
        showTab(form, "Steps");
        auto* headers = child<QTableWidget>(form, "headers");
        QTest::mouseClick(child<QToolButton>(form, "addHeader"), Qt::LeftButton);
        QTest::keyClicks(QApplication::focusWidget(), "X-Test");
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab); // commits, edits the value
        QCoreApplication::processEvents();
        QTest::keyClicks(QApplication::focusWidget(), "yes");
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
        QTRY_COMPARE(form.plan().steps.front().headers,
                     (std::vector<HttpHeader>{{"X-Test", "yes"}}));
        QTest::mouseClick(child<QToolButton>(form, "addHeader"), Qt::LeftButton);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
        QCOMPARE(headers->rowCount(), 2);
        QCOMPARE(form.plan().steps.front().headers.size(), 1u);
        headers->setCurrentCell(0, 0);
        QTest::mouseClick(child<QToolButton>(form, "removeHeader"), Qt::LeftButton);
        QCOMPARE(headers->rowCount(), 1);
        QVERIFY(form.plan().steps.front().headers.empty());

        // Body from a file instead of text.
        QTest::keyClicks(child<QPlainTextEdit>(form, "body"), "a=1");
        QCOMPARE(form.plan().steps.front().body, std::string("a=1"));
        child<QComboBox>(form, "bodySource")->setCurrentIndex(2); // from a file
        QTest::keyClicks(child<QLineEdit>(form, "bodyFile"), "/tmp/b.bin");
        QCOMPARE(form.plan().steps.front().body, std::string());
        QCOMPARE(form.plan().steps.front().bodyFile, std::string("/tmp/b.bin"));

        // Connection: keep-alive off, HTTP/2.
        showTab(form, "Connection");
        auto* keepAlive = child<QCheckBox>(form, "keepAlive");
        QTest::mouseClick(keepAlive, Qt::LeftButton, {}, QPoint(8, keepAlive->height() / 2));
        QVERIFY(!form.plan().keepAlive);
        child<QComboBox>(form, "httpVersion")->setCurrentIndex(1);
        QCOMPARE(form.plan().httpVersion, HttpVersion::Http2);
        child<QComboBox>(form, "httpVersion")->setCurrentIndex(2);
        QCOMPARE(form.plan().httpVersion, HttpVersion::Http2PriorKnowledge);
        // Trust a test server's own certificate, with verification still on.
        QTest::keyClicks(child<QLineEdit>(form, "caCertFile"), "/etc/passwd");
        QCOMPARE(form.plan().caCertFile, std::string("/etc/passwd"));
        QVERIFY(form.plan().verifyTls);

        // Stages: a new stage holds the level so far; then its target is typed.
        showTab(form, "Stages");
        QTest::mouseClick(child<QToolButton>(form, "addStage"), Qt::LeftButton);
        QCOMPARE(form.plan().load.stages, (std::vector<Stage>{{10s, 10}}));
        auto* target = child<QDoubleSpinBox>(form, "stageTarget0");
        target->selectAll();
        QTest::keyClicks(target, "50");
        QCOMPARE(form.plan().load.stages, (std::vector<Stage>{{10s, 50}}));
        QCOMPARE(preview(form)->points(), points({{0, 10}, {10, 50}}));
        QVERIFY(changed.count() >= 8);
    }

    void curlImportFillsTheFormThroughTheDialog() {
        LoadTestForm form;
        Plan current;
        current.load.users = 33;
        current.steps.front().headers = {{"X-Old", "gone"}};
        form.setPlan(current);
        QSignalSpy changed(&form, &LoadTestForm::changed);
        form.show();
        QVERIFY(QTest::qWaitForWindowExposed(&form));

        QTest::mouseClick(child<QPushButton>(form, "importCurl"), Qt::LeftButton);
        auto* dialog = form.findChild<CurlImportDialog*>();
        QVERIFY(dialog && dialog->isVisible());
        auto* ok = dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
        auto* command = child<QPlainTextEdit>(*dialog, "curlCommand");
        auto* error = child<QLabel>(*dialog, "curlError");

        QTest::keyClicks(command, "curl -H 'X: 1'");
        QVERIFY(!ok->isEnabled());
        QVERIFY2(error->text().contains("no URL"), qPrintable(error->text()));
        QVERIFY(error->isVisible());

        command->setPlainText("curl 'https://127.0.0.1:8443/api' -X PUT -H 'Accept: text/csv' "
                              "-H 'Content-Type: application/json' -u alice:s3cret "
                              "--data-raw '{\"a\":1}' --compressed -k -o out.json "
                              "--proxy http://p:3128");
        QVERIFY(ok->isEnabled());
        QVERIFY(!error->isVisible());
        const QString summary = child<QPlainTextEdit>(*dialog, "curlSummary")->toPlainText();
        QVERIFY2(summary.startsWith("PUT https://127.0.0.1:8443/api"), qPrintable(summary));
        QVERIFY2(summary.contains("TLS verification: off"), qPrintable(summary));
        auto* ignored = child<QListWidget>(*dialog, "curlIgnored");
        QVERIFY(ignored->isVisible());
        QStringList ignoredItems;
        for (int i = 0; i < ignored->count(); ++i)
            ignoredItems << ignored->item(i)->text();
        QCOMPARE(ignoredItems, (QStringList{"-o out.json", "--proxy http://p:3128"}));

        QTest::mouseClick(ok, Qt::LeftButton);
        const Plan plan = form.plan();
        QCOMPARE(plan.steps.front().method, HttpMethod::Put);
        QCOMPARE(plan.url, std::string("https://127.0.0.1:8443/api"));
        QCOMPARE(plan.steps.front().headers,
                 (std::vector<HttpHeader>{{"Accept", "text/csv"},
                                          {"Authorization", "Basic YWxpY2U6czNjcmV0"},
                                          {"Accept-Encoding", "gzip, deflate, br"}}));
        QCOMPARE(plan.steps.front().contentType, std::string("application/json"));
        QCOMPARE(plan.steps.front().body, std::string("{\"a\":1}"));
        QVERIFY(!plan.verifyTls);
        QCOMPARE(plan.load.users, 33);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(child<QTableWidget>(form, "headers")->rowCount(), 3);
    }

    void cancelledImportChangesNothing() {
        LoadTestForm form;
        form.show();
        QTest::mouseClick(child<QPushButton>(form, "importCurl"), Qt::LeftButton);
        auto* dialog = form.findChild<CurlImportDialog*>();
        QVERIFY(dialog);
        dialog->setCommand("curl -X POST http://127.0.0.1:1/x");
        dialog->reject();
        QCOMPARE(form.plan(), Plan{});
    }

    void aProblemOnAHiddenTabComesForward() {
        LoadTestForm form;
        form.show();
        QVERIFY(QTest::qWaitForWindowExposed(&form));
        showTab(form, "Steps");
        form.showProblem("load.stages[1].target", "must be a number of users from 0 to 100000");
        QCOMPARE(tabs(form)->tabText(tabs(form)->currentIndex()), QString("Stages"));
        auto* label = child<QLabel>(form, "problem:load.stages");
        QVERIFY(label->isVisible());
        QCOMPARE(label->text(), QString("Row 2: must be a number of users from 0 to 100000"));
        QVERIFY(!tabs(form)->tabIcon(tabs(form)->currentIndex()).isNull());

        // While the user types on another tab, the problem's tab is only marked.
        showTab(form, "Load");
        child<QWidget>(form, "users")->setFocus();
        form.showProblem("request.url", "unsupported scheme ftp, use http or https");
        QCOMPARE(tabs(form)->tabText(tabs(form)->currentIndex()), QString("Load"));
        QVERIFY(!tabs(form)->tabIcon(0).isNull());
        QVERIFY(tabs(form)->tabIcon(2).isNull());
        QCOMPARE(form.problemText(), QString("unsupported scheme ftp, use http or https"));

        form.showProblem({}, {});
        QVERIFY(form.problemText().isEmpty());
        for (int i = 0; i < tabs(form)->count(); ++i)
            QVERIFY(tabs(form)->tabIcon(i).isNull());
    }

    void problemsOfListsMarkTheirCell() {
        LoadTestForm form;
        Plan plan;
        plan.steps.front().headers = {{"A", "1"}, {"bad name", "2"}};
        form.setPlan(plan);
        form.showProblem("scenario.steps[0].headers[1].name", "\"bad name\" is not a header name");
        auto* headers = child<QTableWidget>(form, "headers");
        QCOMPARE(headers->item(1, 0)->background(), CompactTable::problemBrush());
        QCOMPARE(headers->item(1, 1)->background(), QBrush());
        QCOMPARE(headers->item(0, 0)->background(), QBrush());
        QCOMPARE(form.problemText(), QString("Row 2: \"bad name\" is not a header name"));

        // Fields the form does not edit say which they are in the general label.
        form.showProblem("thresholds[0]", "unknown metric 'p42'");
        QCOMPARE(headers->item(1, 0)->background(), QBrush());
        QVERIFY(!child<QLabel>(form, "problem")->isHidden());
        QCOMPARE(form.problemText(), QString("thresholds[0]: unknown metric 'p42'"));
    }

    void everyPathTheCheckReportsHasAPlace() {
        LoadTestForm form;
        // The paths PlanValidation reports; "stop" and "thresholds[i]" are not one field's.
        for (const char* field : {"request.url",
                                  "scenario.steps",
                                  "scenario.steps[0].url",
                                  "scenario.steps[0].headers[0].name",
                                  "scenario.steps[0].headers[3].value",
                                  "scenario.steps[0].body",
                                  "scenario.steps[0].body_file",
                                  "scenario.steps[0].think_time_ms",
                                  "scenario.steps[0].expect_status",
                                  "scenario.steps[0].captures[1].json",
                                  "scenario.steps[0].captures[0].as",
                                  "scenario.steps[3].url",
                                  "scenario.data_file",
                                  "request.timeout_ms",
                                  "request.connect_timeout_ms",
                                  "request.max_redirects",
                                  "load.users",
                                  "load.think_time_ms",
                                  "load.rate",
                                  "load.max_in_flight",
                                  "load.stages[0].duration_s",
                                  "load.stages[2].target",
                                  "stop.duration_s",
                                  "stop.requests"}) {
            form.showProblem(field, "x");
            QVERIFY2(child<QLabel>(form, "problem")->isHidden(), field);
            QVERIFY2(form.problemText().endsWith(": x") || form.problemText() == "x", field);
        }
    }

    void everyEditorExplainsItself() {
        LoadTestForm form;
        Plan plan;
        plan.load.stages = {{1s, 5}};
        form.setPlan(plan);
        for (const char* name : {"url",
                                 "steps",
                                 "addStep",
                                 "removeStep",
                                 "duplicateStep",
                                 "moveStepUp",
                                 "moveStepDown",
                                 "stepName",
                                 "method",
                                 "stepUrl",
                                 "headers",
                                 "addHeader",
                                 "removeHeader",
                                 "bodySource",
                                 "contentType",
                                 "body",
                                 "bodyFile",
                                 "browseBodyFile",
                                 "stepThinkTime",
                                 "expectStatus",
                                 "captures",
                                 "addCapture",
                                 "removeCapture",
                                 "dataFile",
                                 "browseDataFile",
                                 "dataAtEnd",
                                 "dataPreview",
                                 "timeout",
                                 "connectTimeout",
                                 "httpVersion",
                                 "keepAlive",
                                 "verifyTls",
                                 "followRedirects",
                                 "maxRedirects",
                                 "model",
                                 "users",
                                 "thinkTime",
                                 "rate",
                                 "maxInFlight",
                                 "duration",
                                 "requests",
                                 "stages",
                                 "addStage",
                                 "removeStage",
                                 "stageDuration0",
                                 "stageTarget0",
                                 "stagePreview",
                                 "importCurl",
                                 "importHar"}) {
            const QWidget* editor = child<QWidget>(form, name);
            QVERIFY2(editor, name);
            QVERIFY2(editor->toolTip().size() > 10, name);
        }
        for (const char* name : {"caCertFile", "browseCaCertFile"})
            QVERIFY2(child<QWidget>(form, name)->toolTip().size() > 10, name);
    }

    void stagePreviewFollowsTheEngine() {
        LoadTestForm form;
        Plan plan;
        plan.load.users = 10;
        // The zero-length stage is skipped by the engine; the duration cuts the last ramp.
        plan.load.stages = {{5s, 50}, {0s, 99}, {10s, 20}};
        plan.duration = 12s;
        form.setPlan(plan);
        QCOMPARE(preview(form)->points(), points({{0, 10}, {5, 50}, {12, 29}}));
        QCOMPARE(preview(form)->plot()->yAxis->label(), QString("users"));

        plan.duration = 60s; // the run ends with the last stage
        form.setPlan(plan);
        QCOMPARE(preview(form)->points(), points({{0, 10}, {5, 50}, {15, 20}}));

        plan.load.model = LoadShape::Model::Open;
        plan.load.rate = 200;
        plan.load.stages.clear();
        plan.duration = 30s;
        form.setPlan(plan);
        QCOMPARE(preview(form)->points(), points({{0, 200}, {30, 200}}));
        QCOMPARE(preview(form)->plot()->yAxis->label(), QString("req/s"));

        // Editing the base level on the Load tab moves the preview too.
        child<QDoubleSpinBox>(form, "rate")->setValue(300);
        QCOMPARE(preview(form)->points(), points({{0, 300}, {30, 300}}));

        plan.duration.reset();
        plan.requestLimit = 1000;
        form.setPlan(plan);
        QVERIFY(preview(form)->plot()->xAxis->label().contains("no time limit"));
    }
};

QTEST_MAIN(TestLoadTestForm)
#include "tst_loadtestform.moc"
