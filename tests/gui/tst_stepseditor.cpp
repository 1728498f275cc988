// The Steps tab on its own and with the real plan check, offscreen: every field of every
// step survives the form, the list's buttons do what they say, a problem of a step finds that
// step's field (and Start stays off), the data file is previewed, and several curl commands
// or a HAR file's requests become steps through the real dialogs.
#include "app/gui/LoadTestController.h"
#include "core/plan/PlanValidation.h"
#include "core/server/TargetServer.h"
#include "tests/common/FindChild.h"
#include "tests/common/UnusualPlan.h"
#include "ui/loadtest/LoadTestPage.h"
#include "ui/loadtest/form/CurlImportDialog.h"
#include "ui/loadtest/form/HarImportDialog.h"
#include "ui/loadtest/form/LoadTestForm.h"
#include "ui/widgets/CompactTable.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <QTest>
#include <QToolButton>
#include <QTreeWidget>
#include <QWheelEvent>

using namespace stampede;
using namespace std::chrono_literals;

namespace {

const QString kFixtures = QStringLiteral(STAMPEDE_GUI_FIXTURES);
const QString kHar = QStringLiteral(STAMPEDE_UNIT_FIXTURES "/shop.har");

QTableWidget* stepList(const QWidget& form) {
    return child<QTableWidget>(form, "steps");
}

void click(const QWidget& form, const char* button) {
    QTest::mouseClick(child<QToolButton>(form, button), Qt::LeftButton);
}

std::vector<std::string> names(const Plan& plan) {
    std::vector<std::string> out;
    for (const Step& step : plan.steps)
        out.push_back(step.name);
    return out;
}

Step named(const char* name, const char* url) {
    Step step;
    step.name = name;
    step.url = url;
    return step;
}

// Every field of every step away from its default, the data file a real one.
Plan flowPlan() {
    Plan plan = unusualPlan();
    Step& third = plan.steps.emplace_back();
    third.name = "send the form";
    third.method = HttpMethod::Post;
    third.url = "/form?login={{login}}";
    third.headers = {{"X-User", "{{user}}"}};
    third.body = "login={{login}}&password={{password}}&n={{random_int(1,9)}}";
    third.contentType = "application/x-www-form-urlencoded";
    third.thinkTime = 2500ms;
    third.expectStatus = "2xx";
    third.captures = {{Capture::From::Regex, "id=(\\d+)", "form_id"}};
    plan.data = {(kFixtures + "/users.csv").toStdString(), DataSource::AtEnd::Stop};
    return plan;
}

} // namespace

class TestStepsEditor : public QObject {
    Q_OBJECT
private slots:
    void roundTripsEveryFieldOfEveryStep() {
        const Plan plan = flowPlan();
        const auto problem = validatePlan(plan);
        QVERIFY2(!problem, problem ? problem->text().c_str() : "");
        LoadTestForm form;
        form.setPlan(plan);
        QCOMPARE(form.plan(), plan);
        // Looking at each step in turn changes nothing.
        for (int row : {2, 1, 0, 2}) {
            stepList(form)->setCurrentCell(row, 1);
            QCOMPARE(child<QLineEdit>(form, "stepUrl")->text(),
                     QString::fromStdString(plan.steps[std::size_t(row)].url));
            QCOMPARE(form.plan(), plan);
        }
        QCOMPARE(child<QLineEdit>(form, "dataFile")->text(), kFixtures + "/users.csv");
        QCOMPARE(child<QComboBox>(form, "dataAtEnd")->currentIndex(), 1);

        // A JSON body is shown as JSON, and stays what it was.
        Plan json;
        json.steps.front().body = "{\"seats\": {{seats}}}";
        json.steps.front().contentType = "application/json";
        form.setPlan(json);
        QCOMPARE(child<QComboBox>(form, "bodySource")->currentText(), QString("JSON"));
        QCOMPARE(form.plan(), json);
        form.setPlan(Plan{});
        QCOMPARE(form.plan(), Plan{});
    }

    void theFieldsEditTheSelectedStep() {
        LoadTestForm form;
        Plan plan;
        plan.steps = {named("first", "/a"), named("second", "/b")};
        form.setPlan(plan);
        form.show();
        QApplication::setActiveWindow(&form);
        QVERIFY(QTest::qWaitForWindowActive(&form));
        stepList(form)->setCurrentCell(1, 0);
        QCOMPARE(child<QLabel>(form, "stepTitle")->text(), QString("Step 2 of 2"));

        auto* name = child<QLineEdit>(form, "stepName");
        name->selectAll();
        QTest::keyClicks(name, "read it back");
        child<QComboBox>(form, "method")->setCurrentText("PUT");
        auto* url = child<QLineEdit>(form, "stepUrl");
        url->clear();
        QTest::keyClicks(url, "/items/{{id}}");
        QVERIFY(!child<QLabel>(form, "urlSlots")->isHidden());
        QVERIFY(child<QLabel>(form, "urlSlots")->text().contains("{{id}}"));
        QTest::keyClicks(child<QLineEdit>(form, "expectStatus"), "200, 204");
        child<QSpinBox>(form, "stepThinkTime")->setValue(150);
        child<QComboBox>(form, "bodySource")->setCurrentIndex(1); // JSON
        QTest::keyClicks(child<QPlainTextEdit>(form, "body"), "{\"n\": 1}");

        // A capture: add a row, type its expression and variable.
        auto* captures = child<QTableWidget>(form, "captures");
        click(form, "addCapture");
        QTest::keyClicks(QApplication::focusWidget(), "$.id");
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab); // commits, edits the variable
        QCoreApplication::processEvents();
        QTest::keyClicks(QApplication::focusWidget(), "next_id");
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
        static_cast<QComboBox*>(captures->cellWidget(0, 0))->setCurrentIndex(2); // regex
        click(form, "addCapture"); // left blank: no capture
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
        QCOMPARE(captures->rowCount(), 2);

        Step expected = named("read it back", "/items/{{id}}");
        expected.method = HttpMethod::Put;
        expected.expectStatus = "200, 204";
        expected.thinkTime = 150ms;
        expected.body = "{\"n\": 1}";
        expected.contentType = "application/json";
        expected.captures = {{Capture::From::Regex, "$.id", "next_id"}};
        const Plan edited = form.plan();
        QCOMPARE(edited.steps.size(), std::size_t(2));
        QCOMPARE(edited.steps[0], plan.steps[0]);
        QCOMPARE(edited.steps[1], expected);
        // The list says what the step now sends.
        QCOMPARE(stepList(form)->item(1, 0)->text(), QString("2. read it back"));
        QCOMPARE(stepList(form)->item(1, 1)->text(), QString("PUT /items/{{id}}"));

        // The base URL is the plan's.
        QTest::keyClicks(child<QLineEdit>(form, "url"), "http://127.0.0.1:9/");
        QCOMPARE(form.plan().url, std::string("http://127.0.0.1:9/"));
    }

    void theWheelScrollsTheTabAndNeverEditsIt() {
        LoadTestForm form;
        form.show();
        QApplication::setActiveWindow(&form);
        QVERIFY(QTest::qWaitForWindowActive(&form));
        auto* source = child<QComboBox>(form, "bodySource");
        const auto wheel = [&](QWidget* target) {
            QWheelEvent event(QPointF(5, 5), target->mapToGlobal(QPointF(5, 5)), QPoint(),
                              QPoint(0, -120), Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase,
                              false);
            QApplication::sendEvent(target, &event);
        };
        wheel(source);
        QCOMPARE(source->currentIndex(), 0);
        QCOMPARE(form.plan(), Plan{});
        source->setFocus(); // clicked: now the wheel is the user's choice
        wheel(source);
        QCOMPARE(source->currentIndex(), 1);
    }

    void theListButtonsDoWhatTheySay() {
        LoadTestForm form;
        Plan plan;
        plan.steps = {named("A", "/a"), named("B", "/b")};
        form.setPlan(plan);
        QSignalSpy changed(&form, &LoadTestForm::changed);
        form.show();

        stepList(form)->setCurrentCell(0, 0);
        QVERIFY(!child<QToolButton>(form, "moveStepUp")->isEnabled());
        click(form, "duplicateStep");
        QCOMPARE(names(form.plan()), (std::vector<std::string>{"A", "A", "B"}));
        QCOMPARE(form.plan().steps[1], plan.steps[0]); // a copy, whole
        QCOMPARE(stepList(form)->currentRow(), 1);
        child<QLineEdit>(form, "stepName")->setText("A2");
        QCOMPARE(names(form.plan()), (std::vector<std::string>{"A", "A2", "B"}));

        click(form, "moveStepDown");
        QCOMPARE(names(form.plan()), (std::vector<std::string>{"A", "B", "A2"}));
        QCOMPARE(stepList(form)->currentRow(), 2);
        QVERIFY(!child<QToolButton>(form, "moveStepDown")->isEnabled());
        QCOMPARE(child<QLineEdit>(form, "stepName")->text(), QString("A2"));
        click(form, "moveStepUp");
        click(form, "moveStepUp");
        QCOMPARE(names(form.plan()), (std::vector<std::string>{"A2", "A", "B"}));
        QCOMPARE(stepList(form)->currentRow(), 0);

        click(form, "addStep"); // after the selected one, blank, and selected
        QCOMPARE(names(form.plan()), (std::vector<std::string>{"A2", "", "A", "B"}));
        QCOMPARE(form.plan().steps[1], Step{});
        QCOMPARE(stepList(form)->currentRow(), 1);
        QCOMPARE(child<QLabel>(form, "stepTitle")->text(), QString("Step 2 of 4"));

        stepList(form)->setCurrentCell(2, 0);
        click(form, "removeStep");
        QCOMPARE(names(form.plan()), (std::vector<std::string>{"A2", "", "B"}));
        QCOMPARE(child<QLineEdit>(form, "stepName")->text(), QString("B"));
        click(form, "removeStep");
        click(form, "removeStep");
        QCOMPARE(names(form.plan()), (std::vector<std::string>{"A2"}));
        QVERIFY(!child<QToolButton>(form, "removeStep")->isEnabled()); // never no step
        QCOMPARE(changed.count(), 9);
    }

    void anUndefinedVariableIsNamedBesideItsFieldAndStartWaits() {
        TargetServer target;
        LoadTestPage page;
        LoadTestController controller(&page, target.url());
        LoadTestForm& form = *page.form();
        page.show();
        QApplication::setActiveWindow(&page);
        QVERIFY(QTest::qWaitForWindowActive(&page));
        Plan plan;
        plan.steps = {named("create", "/items"), named("read", "/items/{{id}}")};
        plan.steps[0].method = HttpMethod::Post;
        form.setPlan(plan);

        auto* start = child<QPushButton>(page, "start");
        QVERIFY(!start->isEnabled());
        // The step with the problem comes forward, the message beside its URL.
        QCOMPARE(stepList(form)->currentRow(), 1);
        auto* atUrl = child<QLabel>(form, "problem:scenario.step.url");
        QVERIFY(!atUrl->isHidden());
        QVERIFY2(atUrl->text().startsWith("{{id}} is not defined: no earlier step captures it"),
                 qPrintable(atUrl->text()));
        QCOMPARE(stepList(form)->item(1, 0)->background(), CompactTable::problemBrush());
        QCOMPARE(stepList(form)->item(0, 0)->background(), QBrush());

        // Looking at another step, the list says which step and field it is.
        stepList(form)->setCurrentCell(0, 0);
        QVERIFY(atUrl->isHidden());
        auto* atList = child<QLabel>(form, "problem:scenario.steps");
        QVERIFY(!atList->isHidden());
        QVERIFY2(atList->text().startsWith("Step 2 (read), url: {{id}} is not defined"),
                 qPrintable(atList->text()));

        // Capturing it in the first step fixes it.
        auto* captures = child<QTableWidget>(form, "captures");
        click(form, "addCapture");
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape); // set below, not typed
        captures->item(0, 1)->setText("/id");
        QVERIFY(!start->isEnabled()); // no variable yet: "" is not a name
        QVERIFY2(form.problemText().contains("Row 1: \"\" is not a variable name"),
                 qPrintable(form.problemText()));
        QCOMPARE(captures->item(0, 2)->background(), CompactTable::problemBrush());
        captures->item(0, 2)->setText("id");
        QVERIFY(start->isEnabled());
        QVERIFY(form.problemText().isEmpty());
        QCOMPARE(stepList(form)->item(1, 0)->background(), QBrush());

        // While the user types in one step, a problem it makes in another does not pull the
        // fields away: the list names it.
        captures->setCurrentCell(0, 2);
        captures->setFocus();
        captures->item(0, 2)->setText("idx");
        QVERIFY(!start->isEnabled());
        QCOMPARE(stepList(form)->currentRow(), 0);
        QVERIFY(!atList->isHidden());
        QVERIFY(atList->text().contains("{{id}} is not defined"));
    }

    void theDataFileIsPreviewedAndABadOneNamed() {
        TargetServer target;
        LoadTestPage page;
        LoadTestController controller(&page, target.url());
        LoadTestForm& form = *page.form();
        page.show();
        auto* path = child<QLineEdit>(form, "dataFile");
        QTest::keyClicks(path, kFixtures + "/users.csv");
        auto* columns = child<QLabel>(form, "dataColumns");
        QCOMPARE(columns->text(), QString("6 rows; columns: {{login}}, {{password}}"));
        auto* preview = child<QTableWidget>(form, "dataPreview");
        QCOMPARE(preview->rowCount(), 5); // the first rows only
        QCOMPARE(preview->columnCount(), 2);
        QCOMPARE(preview->horizontalHeaderItem(1)->text(), QString("password"));
        QCOMPARE(preview->item(1, 0)->text(), QString("bob"));
        QVERIFY(child<QPushButton>(page, "start")->isEnabled());

        // A column used in a step is defined by the file.
        child<QLineEdit>(form, "stepUrl")->setText("/?u={{login}}");
        QVERIFY(child<QPushButton>(page, "start")->isEnabled());

        path->setText(kFixtures + "/ragged.csv");
        QVERIFY(preview->isHidden());
        QVERIFY(!child<QPushButton>(page, "start")->isEnabled());
        auto* problem = child<QLabel>(form, "problem:scenario.data_file");
        QVERIFY(!problem->isHidden());
        QVERIFY2(problem->text().endsWith("ragged.csv row 2 has 1 fields, the header row 2"),
                 qPrintable(problem->text()));
    }

    void severalCurlCommandsBecomeSteps() {
        LoadTestForm form;
        Plan current;
        current.load.users = 33;
        form.setPlan(current);
        form.show();
        QTest::mouseClick(child<QPushButton>(form, "importCurl"), Qt::LeftButton);
        auto* dialog = form.findChild<CurlImportDialog*>();
        QVERIFY(dialog);
        dialog->setCommand("curl -X POST http://127.0.0.1:8080/items -H 'Content-Type: "
                           "application/json' -d '{\"a\":1}'\n"
                           "curl http://127.0.0.1:8080/items/1 -o out.json\n"
                           "curl -X DELETE http://127.0.0.1:9090/items/1\n");
        const QString summary = child<QPlainTextEdit>(*dialog, "curlSummary")->toPlainText();
        QVERIFY2(summary.startsWith("3 steps on the base URL http://127.0.0.1:8080\n"
                                    "Step 1: POST /items\n"),
                 qPrintable(summary));
        QVERIFY2(summary.contains("Step 3: DELETE http://127.0.0.1:9090/items/1"),
                 qPrintable(summary));
        auto* ignored = child<QListWidget>(*dialog, "curlIgnored");
        QCOMPARE(ignored->count(), 1);
        QCOMPARE(ignored->item(0)->text(), QString("command 2: -o out.json"));
        dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok)->click();

        const Plan plan = form.plan();
        QCOMPARE(plan.url, std::string("http://127.0.0.1:8080"));
        QCOMPARE(plan.steps.size(), std::size_t(3));
        QCOMPARE(plan.steps[0].body, std::string("{\"a\":1}"));
        QCOMPARE(plan.steps[0].contentType, std::string("application/json"));
        QCOMPARE(plan.steps[1].url, std::string("/items/1"));
        QCOMPARE(plan.steps[2].method, HttpMethod::Delete);
        QCOMPARE(plan.load.users, 33);
        QCOMPARE(stepList(form)->rowCount(), 3);
        QCOMPARE(stepList(form)->item(2, 1)->text(),
                 QString("DELETE http://127.0.0.1:9090/items/1"));
    }

    void harEntriesBecomeTheCheckedSteps() {
        LoadTestForm form;
        form.show();
        QTest::mouseClick(child<QPushButton>(form, "importHar"), Qt::LeftButton);
        auto* dialog = form.findChild<HarImportDialog*>();
        QVERIFY(dialog && dialog->isVisible());
        auto* ok = dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
        QVERIFY(!ok->isEnabled());

        // Not HAR: readHar's own words, nothing to import.
        dialog->setHar("{\"name\": \"a plan\"}");
        auto* error = child<QLabel>(*dialog, "harError");
        QVERIFY(!error->isHidden());
        QVERIFY2(error->text().contains("not a HAR file: it has no log.entries"),
                 qPrintable(error->text()));
        QVERIFY(!ok->isEnabled());

        // A path typed and Return: the file is read, and nothing imported before a look.
        auto* path = child<QLineEdit>(*dialog, "harFile");
        path->setFocus();
        QTest::keyClicks(path, kHar);
        QTest::keyClick(path, Qt::Key_Return);
        QVERIFY(dialog->isVisible());
        QVERIFY(error->isHidden());
        auto* entries = child<QTreeWidget>(*dialog, "harEntries");
        QCOMPARE(entries->topLevelItemCount(), 6);
        QCOMPARE(entries->topLevelItem(4)->text(0), QString("POST"));
        QCOMPARE(entries->topLevelItem(4)->text(1), QString("https://shop.example.com/api/login"));
        QCOMPARE(entries->topLevelItem(4)->text(2), QString("200"));
        QCOMPARE(entries->topLevelItem(4)->text(3), QString("application/json"));
        QCOMPARE(dialog->checked(), (std::vector<std::size_t>{0, 4})); // the default selection
        QVERIFY(ok->isEnabled());
        // The user adds the cart, on another port.
        entries->topLevelItem(5)->setCheckState(0, Qt::Checked);
        QVERIFY2(child<QLabel>(*dialog, "harSummary")->text().startsWith("3 of 6 requests"),
                 qPrintable(child<QLabel>(*dialog, "harSummary")->text()));
        ok->click();

        const Plan plan = form.plan();
        QCOMPARE(plan.url, std::string("https://shop.example.com"));
        QCOMPARE(plan.steps.size(), std::size_t(3));
        QCOMPARE(plan.steps[0].url, std::string("/"));
        QCOMPARE(plan.steps[1].method, HttpMethod::Post);
        QCOMPARE(plan.steps[1].url, std::string("/api/login"));
        QCOMPARE(plan.steps[1].headers,
                 (std::vector<HttpHeader>{{"Cookie", "session=abc"}, {"X-CSRF", "t0k3n"}}));
        QCOMPARE(plan.steps[2].url, std::string("https://shop.example.com:8443/api/cart?id=7"));
    }
};

QTEST_MAIN(TestStepsEditor)
#include "tst_stepseditor.moc"
