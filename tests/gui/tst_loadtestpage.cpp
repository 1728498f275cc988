// The Load test workspace driven as a person would: type, click Start, watch, stop — against
// the real embedded target and the real engine.
#include "app/gui/LoadTestController.h"
#include "core/server/TargetServer.h"
#include "tests/common/FindChild.h"
#include "tests/common/WrittenFile.h"
#include "ui/loadtest/LoadTestPage.h"
#include "ui/loadtest/form/LoadTestForm.h"
#include "ui/loadtest/results/RunSummaryTable.h"

#include <QApplication>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

using namespace stampede;

namespace {

void typeInto(QSpinBox* box, int value) {
    box->selectAll();
    QTest::keyClicks(box, QString::number(value));
    QTest::keyClick(box, Qt::Key_Tab);
}

} // namespace

class TestLoadTestPage : public QObject {
    Q_OBJECT
private slots:
    void runsToTheRequestCountAndShowsIt() {
        TargetServer target;
        LoadTestPage page;
        LoadTestController controller(&page, target.url());
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));

        QTest::keyClicks(child<QLineEdit>(*page.form(), "url"),
                         QString::fromStdString(target.url()) + "bytes/100");
        typeInto(child<QSpinBox>(*page.form(), "users"), 4);
        child<QDoubleSpinBox>(*page.form(), "duration")->setValue(0); // count only
        typeInto(child<QSpinBox>(*page.form(), "requests"), 300);
        QVERIFY(child<QPushButton>(page, "start")->isEnabled());
        QTest::mouseClick(child<QPushButton>(page, "start"), Qt::LeftButton);
        QVERIFY(page.running());
        QVERIFY(child<QPushButton>(page, "stop")->isEnabled());
        QVERIFY(!page.form()->isEnabled());

        QTRY_VERIFY_WITH_TIMEOUT(!page.running(), 20000);
        QCOMPARE(child<RunSummaryTable>(page, "summary")->value("Requests"), QString("300"));
        QCOMPARE(child<RunSummaryTable>(page, "summary")->value("Errors"), QString("0"));
        QVERIFY(!child<RunSummaryTable>(page, "summary")->value("p99").isEmpty());
        QCOMPARE(target.stats().count(Endpoint::Bytes, 200), 300u);
        QVERIFY2(page.statusText().contains("finished"), qPrintable(page.statusText()));
        QVERIFY(child<QPushButton>(page, "start")->isEnabled());
        QCOMPARE(child<RunSummaryTable>(page, "summary")->value("Transport"), QString("native"));
        QCOMPARE(child<RunSummaryTable>(page, "summary")->value("HTTP version"),
                 QString("HTTP/1.1"));
    }
    void theConnectionTabSaysWhichTransportThePlanGets() {
        TargetServer target;
        LoadTestPage page;
        LoadTestController controller(&page, target.url());
        auto* choice = child<QLabel>(*page.form(), "engineChoice");
        QVERIFY2(choice->text().contains("native (auto: plain http:// HTTP/1.1)"),
                 qPrintable(choice->text()));
        child<QComboBox>(*page.form(), "httpVersion")->setCurrentIndex(1); // HTTP/2
        QVERIFY2(choice->text().contains("curl (auto: the plan asks for HTTP/2)"),
                 qPrintable(choice->text()));
        // Native asked for where it cannot go: the field says so, Start stays off.
        child<QComboBox>(*page.form(), "engine")->setCurrentIndex(int(Engine::Native));
        QVERIFY(!child<QPushButton>(page, "start")->isEnabled());
        child<QComboBox>(*page.form(), "httpVersion")->setCurrentIndex(0);
        QVERIFY(child<QPushButton>(page, "start")->isEnabled());
        QVERIFY2(choice->text().contains("native (asked for)"), qPrintable(choice->text()));
    }

    void invalidInputDisablesStartAndSaysWhy() {
        TargetServer target;
        LoadTestPage page;
        LoadTestController controller(&page, target.url());
        page.show();
        QTest::keyClicks(child<QLineEdit>(*page.form(), "url"), "ftp://127.0.0.1/");
        QVERIFY(!child<QPushButton>(page, "start")->isEnabled());
        QVERIFY2(page.form()->problemText().contains("unsupported scheme"),
                 qPrintable(page.form()->problemText()));
        child<QLineEdit>(*page.form(), "url")->clear();
        QVERIFY(child<QPushButton>(page, "start")->isEnabled());
        QVERIFY(page.form()->problemText().isEmpty());

        QTest::keyClicks(child<QLineEdit>(*page.form(), "caCertFile"), "/nonexistent/ca.pem");
        QVERIFY(!child<QPushButton>(page, "start")->isEnabled());
        QVERIFY2(page.form()->problemText().contains("no such file: /nonexistent/ca.pem"),
                 qPrintable(page.form()->problemText()));
        child<QLineEdit>(*page.form(), "caCertFile")->clear();
        QVERIFY(child<QPushButton>(page, "start")->isEnabled());

        typeInto(child<QSpinBox>(*page.form(), "users"), 0);
        QVERIFY(!child<QPushButton>(page, "start")->isEnabled());
        QVERIFY2(page.form()->problemText().contains("whole number"),
                 qPrintable(page.form()->problemText()));

        // Open model without any stop: the run would never end.
        typeInto(child<QSpinBox>(*page.form(), "users"), 5);
        child<QComboBox>(*page.form(), "model")->setCurrentIndex(1);
        child<QDoubleSpinBox>(*page.form(), "duration")->setValue(0);
        child<QSpinBox>(*page.form(), "requests")->setValue(0);
        QVERIFY(!child<QPushButton>(page, "start")->isEnabled());
        QVERIFY2(page.form()->problemText().contains("never end"),
                 qPrintable(page.form()->problemText()));
    }

    void stopDuringAStallReturnsToIdleWithinASecond() {
        TargetServer target;
        LoadTestPage page;
        LoadTestController controller(&page, target.url());
        page.show();
        QTest::keyClicks(child<QLineEdit>(*page.form(), "url"),
                         QString::fromStdString(target.url()) + "stall");
        typeInto(child<QSpinBox>(*page.form(), "users"), 50);
        QTest::mouseClick(child<QPushButton>(page, "start"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(target.stats().count(Endpoint::Stall), 50u, 10000);
        QElapsedTimer clock;
        clock.start();
        QTest::mouseClick(child<QPushButton>(page, "stop"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!page.running(), 1000);
        qInfo("idle again %lld ms after Stop", clock.elapsed());
        QVERIFY2(page.statusText().contains("stopped"), qPrintable(page.statusText()));
    }

    void aFileGoneBeforeStartIsNamedBesideItsField() {
        TargetServer target;
        LoadTestPage page;
        LoadTestController controller(&page, target.url());
        QSignalSpy problems(&controller, &LoadTestController::problem);
        page.show();
        QTemporaryDir dir;
        const QString body = writtenFile(dir, "stampede-body.bin");
        Plan plan;
        plan.steps.front().bodyFile = body.toStdString();
        page.form()->setPlan(plan);
        QVERIFY(child<QPushButton>(page, "start")->isEnabled());
        QVERIFY(QFile::remove(body)); // gone after the form's last check

        QTest::mouseClick(child<QPushButton>(page, "start"), Qt::LeftButton);
        QVERIFY2(page.form()->problemText().contains("no such file: " + body),
                 qPrintable(page.form()->problemText()));
        QCOMPARE(problems.count(), 0); // beside the field, no dialog
        QVERIFY(!QApplication::activeModalWidget());
        QVERIFY(!page.running());
        QVERIFY(!child<QPushButton>(page, "start")->isEnabled());
    }

    void aRunTheEngineRefusesIsReportedWithoutBlocking() {
        TargetServer target;
        LoadTestPage page;
        LoadTestController controller(&page, target.url());
        QSignalSpy problems(&controller, &LoadTestController::problem);
        page.show();
        // A valid plan the engine cannot divide: one data row for two engine threads that stop
        // at the last row.
        QTemporaryDir dir;
        const QString rows = writtenFile(dir, "one-row.csv", "name\nada\n");
        Plan plan;
        plan.data = {rows.toStdString(), DataSource::AtEnd::Stop};
        plan.load.users = 2;
        plan.load.threads = 2;
        page.form()->setPlan(plan);
        QVERIFY(child<QPushButton>(page, "start")->isEnabled());

        // A blocking dialog would hold this click until someone closed it.
        QTest::mouseClick(child<QPushButton>(page, "start"), Qt::LeftButton);
        QCOMPARE(problems.count(), 1);
        QCOMPARE(problems[0][0].toString(), QString("Cannot start"));
        QVERIFY2(problems[0][1].toString().contains("2 engine threads"),
                 qPrintable(problems[0][1].toString()));
        QVERIFY(!QApplication::activeModalWidget());
        QVERIFY(!page.running());
        QVERIFY(child<QPushButton>(page, "start")->isEnabled());
    }

    void formRoundTripsAPlan() {
        LoadTestForm form;
        Plan plan;
        plan.url = "http://127.0.0.1:8080/api";
        plan.steps.front().method = HttpMethod::Post;
        plan.load.model = LoadShape::Model::Open;
        plan.load.rate = 250;
        plan.load.maxInFlight = 64;
        plan.duration = std::chrono::milliseconds(30'000);
        plan.requestLimit = 5000;
        plan.timeout = std::chrono::milliseconds(1500);
        plan.steps.front().headers = {
            {"Accept", "application/json"}}; // not on the form yet: kept as is
        form.setPlan(plan);
        QCOMPARE(form.plan(), plan);
    }
};

QTEST_MAIN(TestLoadTestPage)
#include "tst_loadtestpage.moc"
