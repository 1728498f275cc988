// The File menu as a person uses it: plans saved and opened, reports and charts exported,
// bad files and unwritable folders answered with a dialog, and the window remembered — with
// the real window, the real engine and the embedded target.
#include "app/cli/ApplicationInfo.h"
#include "app/gui/ExportController.h"
#include "app/gui/LoadTestController.h"
#include "app/gui/PlanFileController.h"
#include "app/gui/WorkspaceSettings.h"
#include "core/plan/PlanJson.h"
#include "core/server/TargetServer.h"
#include "tests/common/TraceCheck.h"
#include "tests/common/UnusualPlan.h"
#include "ui/loadtest/LoadTestPage.h"
#include "ui/loadtest/charts/TimelineChart.h"
#include "ui/loadtest/form/LoadTestForm.h"
#include "ui/shell/MainWindow.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTemporaryDir>
#include <QTest>

using namespace stampede;
using namespace std::chrono_literals;

namespace {

// The dialog the window opened (not exec'd, so the test goes on), closed once read.
QString takeProblem(MainWindow& window) {
    auto* box = window.findChild<QMessageBox*>("problemDialog");
    if (!box)
        return {};
    const QString text = box->text();
    box->close(); // deletes itself
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    return text;
}

QString firstLine(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readLine()).trimmed();
}

struct Workspace {
    explicit Workspace(const std::string& targetUrl)
        : runs(window.loadTestPage(), targetUrl, &window)
        , files(&window, window.loadTestPage()->form())
        , exports(&window, &runs) {}
    LoadTestForm& form() { return *window.loadTestPage()->form(); }

    MainWindow window;
    LoadTestController runs;
    PlanFileController files;
    ExportController exports;
};

} // namespace

class TestWorkspaceFiles : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        QVERIFY(config_.isValid());
        qputenv("XDG_CONFIG_HOME", config_.path().toLocal8Bit()); // before any QSettings
        describeApplication();
    }

    void planSaveThenOpenRestoresEveryField() {
        TargetServer target;
        Workspace w(target.url());
        w.form().setPlan(unusualPlan());
        const Plan edited = w.form().plan();
        QVERIFY(edited == unusualPlan());

        QTemporaryDir dir;
        const QString path = dir.filePath("checkout.json");
        QVERIFY(w.files.savePlan(path));
        QCOMPARE(w.window.windowTitle(), QString("checkout.json — Stampede"));
        // The file is the headless format: `stampede run --plan` reads the same plan.
        const auto fromFile = PlanJson::readFile(path);
        QVERIFY(std::holds_alternative<Plan>(fromFile));
        QVERIFY(std::get<Plan>(fromFile) == edited);

        w.files.newPlan();
        QVERIFY(w.form().plan() == Plan{});
        QCOMPARE(w.window.windowTitle(), QString("Stampede"));
        QVERIFY(w.files.openPlan(path));
        QVERIFY(w.form().plan() == edited);

        // It is first among the recent plans, in the menu too.
        QCOMPARE(w.files.recentPlans().value(0), QFileInfo(path).absoluteFilePath());
        auto* recent = w.window.findChild<QMenu*>("menuRecentPlans");
        QVERIFY(recent && recent->isEnabled());
        QCOMPARE(recent->actions().value(0)->text(),
                 QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath()));
    }

    void theExamplesMenuListsTheShippedPlansAndOpensOne() {
        TargetServer target;
        Workspace w(target.url());
        auto* menu = w.window.findChild<QMenu*>("menuExamplePlans");
        QVERIFY(menu && menu->isEnabled());
        QStringList titles;
        for (const QAction* action : menu->actions())
            titles << action->text();
        QCOMPARE(
            titles,
            (QStringList{"Course flow: create a course, then list them all",
                         "Read back: create an item, read it by its id, change it, delete it"}));

        const QStringList recent = w.files.recentPlans();
        menu->actions().at(1)->trigger();
        const auto expected = PlanJson::readFile(":/examples/read-back.json");
        QVERIFY(std::holds_alternative<Plan>(expected));
        QCOMPARE(w.form().plan(), std::get<Plan>(expected));
        QCOMPARE(w.form().plan().steps.size(), std::size_t(4));
        // Like a file opened, but Save asks where: the example itself cannot be written.
        QVERIFY2(w.window.windowTitle().startsWith("read-back.json (example)"),
                 qPrintable(w.window.windowTitle()));
        QCOMPARE(w.files.currentPath(), QString());
        QCOMPARE(w.files.recentPlans(), recent);
        QVERIFY(w.window.findChild<QPushButton*>("start")->isEnabled()); // runs as it is

        menu->actions().at(0)->trigger();
        QCOMPARE(w.form().plan(),
                 std::get<Plan>(PlanJson::readFile(":/examples/course-flow.json")));
    }

    void aPlanWithAProblemOpensAndNamesItBesideTheField() {
        TargetServer target;
        Workspace w(target.url());
        Plan plan;
        plan.steps = {Step{}, Step{}};
        plan.steps[0].url = "/";
        plan.steps[1].url = "/items/{{id}}"; // no step captures it: fixed in the form, not lost
        QTemporaryDir dir;
        const QString path = dir.filePath("unfinished.json");
        QVERIFY(!PlanJson::writeFile(plan, path));
        QVERIFY(w.files.openPlan(path));
        QCOMPARE(w.form().plan(), plan);
        QVERIFY2(w.form().problemText().contains("{{id}} is not defined"),
                 qPrintable(w.form().problemText()));
        QVERIFY(!w.window.findChild<QPushButton*>("start")->isEnabled());
    }

    void aBadPlanFileIsExplainedAndTheFormKeepsItsPlan() {
        TargetServer target;
        Workspace w(target.url());
        w.form().setPlan(unusualPlan());
        const Plan before = w.form().plan();

        QTemporaryDir dir;
        const QString path = dir.filePath("typo.json");
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"stampede_plan": 1, "load": {"model": "closed", "userz": 10}})");
        file.close();
        QVERIFY(!w.files.openPlan(path));
        const QString problem = takeProblem(w.window);
        QVERIFY2(problem.contains("load.userz"), qPrintable(problem));
        QVERIFY(w.form().plan() == before);

        QVERIFY(!w.files.openPlan(dir.filePath("missing.json")));
        QVERIFY2(takeProblem(w.window).contains("missing.json"), "names the file");
        QVERIFY(w.form().plan() == before);
    }

    void savingWhereNothingCanBeWrittenSaysSo() {
        TargetServer target;
        Workspace w(target.url());
        QTemporaryDir dir;
        const QString path = dir.filePath("no/such/folder/plan.json");
        QVERIFY(!w.files.savePlan(path));
        QVERIFY2(takeProblem(w.window).contains(path), "names the path");
        QCOMPARE(w.files.currentPath(), QString());
    }

    void exportWritesTheReportCsvsAndSurvivesABadFolder() {
        TargetServer target;
        Workspace w(target.url());
        auto* exportAction = w.window.findChild<QAction*>("actionExportReport");
        QVERIFY(exportAction && !exportAction->isEnabled()); // nothing measured yet

        Plan plan;
        plan.load.users = 2;
        plan.duration.reset();
        plan.requestLimit = 50;
        w.form().setPlan(plan);
        QTest::mouseClick(w.window.loadTestPage()->findChild<QPushButton*>("start"),
                          Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(w.runs.lastReport().has_value(), 20000);
        QVERIFY(exportAction->isEnabled());

        // A folder that cannot be made (its parent is a file): a dialog, nothing lost.
        QTemporaryDir dir;
        QFile blocker(dir.filePath("blocker"));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        QVERIFY(!w.exports.exportReport(dir.filePath("blocker/report")));
        QVERIFY2(takeProblem(w.window).contains("blocker"), "names the path");
        QVERIFY(w.runs.lastReport().has_value());

        const QString out = dir.filePath("report");
        QVERIFY(w.exports.exportReport(out));
        QCOMPARE(QDir(out).entryList(QDir::Files),
                 QStringList({"errors.csv", "status_codes.csv", "steps.csv", "summary.csv",
                              "timeseries.csv"}));
        QVERIFY2(
            firstLine(out + "/summary.csv").startsWith("url,method,model,duration_s,requests,"),
            qPrintable(firstLine(out + "/summary.csv")));
        QVERIFY(firstLine(out + "/timeseries.csv").startsWith("second,"));
        QCOMPARE(firstLine(out + "/status_codes.csv"), QString("status,count"));
        QCOMPARE(firstLine(out + "/errors.csv"), QString("class,count,first_message"));
    }

    // The request timeline sample as a Perfetto trace: a lane per user, a span per request.
    void theRequestTimelineExportsAsATrace() {
        TargetServer target;
        Workspace w(target.url());
        QTemporaryDir dir;
        QVERIFY(!w.exports.exportTimelineTrace(dir.filePath("empty.json"))); // nothing run yet
        QVERIFY(takeProblem(w.window).contains("empty"));
        Plan plan;
        plan.load.users = 3;
        plan.duration.reset();
        plan.requestLimit = 30;
        w.form().setPlan(plan);
        QTest::mouseClick(w.window.loadTestPage()->findChild<QPushButton*>("start"),
                          Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(w.runs.lastReport().has_value(), 20000);
        QTRY_COMPARE(w.window.loadTestPage()->timeline()->recordCount(), std::size_t{30});
        const QString path = dir.filePath("timeline.json");
        QVERIFY(w.exports.exportTimelineTrace(path));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const ReadTrace trace = readTrace(file.readAll());
        QVERIFY2(trace.problem.isEmpty(), qPrintable(trace.problem));
        QCOMPARE(trace.laneNames.size(), 3);
        QCOMPARE(trace.spansByCategory.value("work"), 30);
        QVERIFY(!w.exports.exportTimelineTrace("/proc/stampede-trace.json"));
        QVERIFY(takeProblem(w.window).contains("/proc/stampede-trace.json"));
    }

    void exportChartsWritesEachChartAsPngAndPdf() {
        TargetServer target;
        Workspace w(target.url());
        w.window.resize(1200, 800);
        QTemporaryDir dir;
        QVERIFY(w.exports.exportCharts(dir.filePath("charts")));
        const QStringList files = QDir(dir.filePath("charts")).entryList(QDir::Files);
        QCOMPARE(files.size(), 2 * w.window.loadTestPage()->charts().size());
        QVERIFY2(files.contains("request-timeline.png"), qPrintable(files.join(' ')));
        QVERIFY(files.contains("request-timeline.pdf"));
        for (const QString& name : files)
            QVERIFY2(QFileInfo(dir.filePath("charts/" + name)).size() > 1000, qPrintable(name));

        QVERIFY(!w.exports.exportCharts("/proc/stampede-charts"));
        QVERIFY(takeProblem(w.window).contains("/proc/stampede-charts"));
    }

    void theWindowRemembersTheFormAndTheSplitter() {
        TargetServer target;
        Plan plan = unusualPlan();
        plan.url = target.url() + "delay/5";
        QList<int> sizes;
        {
            Workspace w(target.url());
            w.window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&w.window));
            w.form().setPlan(plan);
            auto* splitter = w.window.findChild<QSplitter*>("loadTestSplitter");
            splitter->setSizes({500, 700});
            sizes = splitter->sizes();
            WorkspaceSettings::save(w.window);
        }
        Workspace w(target.url());
        WorkspaceSettings::restore(w.window);
        w.window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w.window));
        QVERIFY(w.form().plan() == plan);
        QCOMPARE(w.window.findChild<QSplitter*>("loadTestSplitter")->sizes(), sizes);
    }

private:
    QTemporaryDir config_;
};

QTEST_MAIN(TestWorkspaceFiles)
#include "tst_workspacefiles.moc"
