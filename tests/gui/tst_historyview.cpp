// The window's run history, open and compare views, driven offscreen against the real engine
// and embedded target: a run that ends is kept and listed; opened, its charts are drawn again
// from the file; two selected compare in two series per chart and a table of differences; a
// run against itself differs by nothing; rename, delete and bad files as a person meets them.
#include "app/gui/ExportController.h"
#include "app/gui/HistoryController.h"
#include "app/gui/LoadTestController.h"
#include "core/report/RunComparison.h"
#include "core/server/TargetServer.h"
#include "tests/common/FindChild.h"
#include "tests/common/WrittenFile.h"
#include "ui/loadtest/LoadTestPage.h"
#include "ui/loadtest/charts/HistogramChart.h"
#include "ui/loadtest/charts/LatencyChart.h"
#include "ui/loadtest/charts/StatusChart.h"
#include "ui/loadtest/charts/ThroughputChart.h"
#include "ui/loadtest/compare/CompareView.h"
#include "ui/loadtest/compare/ComparisonTable.h"
#include "ui/loadtest/compare/HistogramOverlayChart.h"
#include "ui/loadtest/compare/PercentileChart.h"
#include "ui/loadtest/compare/ThroughputOverlayChart.h"
#include "ui/loadtest/form/LoadTestForm.h"
#include "ui/loadtest/history/HistoryPanel.h"
#include "ui/loadtest/results/RunSummaryTable.h"
#include "ui/shell/MainWindow.h"
#include "ui/widgets/LiveChart.h"

#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <qcustomplot.h>

using namespace stampede;
using namespace std::chrono_literals;

namespace {

struct Window {
    Window(const std::string& targetUrl, const QString& folder)
        : runs(window.loadTestPage(), targetUrl, &window)
        , history(&window, &runs, folder)
        , exporter(&window, &runs) {
        QObject::connect(&history, &HistoryController::reportShown, &exporter,
                         &ExportController::showingReport);
        window.show();
    }
    HistoryPanel& panel() { return *window.historyPanel(); }
    QTableWidget& table() { return *panel().table(); }
    QString fileAt(int row) {
        return table().item(row, HistoryPanel::Name)->data(Qt::UserRole).toString();
    }

    MainWindow window;
    LoadTestController runs;
    HistoryController history;
    ExportController exporter;
};

Plan shortPlan(const std::string& name, const std::string& path, int users) {
    Plan plan;
    plan.name = name;
    plan.load.users = users;
    plan.duration = 1500ms;
    plan.steps.front().url = path;
    return plan;
}

void runPlan(Window& w, const Plan& plan) {
    w.window.loadTestPage()->form()->setPlan(plan);
    QTest::mouseClick(child<QPushButton>(*w.window.loadTestPage(), "start"), Qt::LeftButton);
    QVERIFY(w.window.loadTestPage()->running());
    QTRY_VERIFY_WITH_TIMEOUT(!w.window.loadTestPage()->running(), 20000);
}

QByteArray contentOf(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QString takeProblem(MainWindow& window) {
    auto* box = window.findChild<QMessageBox*>("problemDialog");
    if (!box)
        return {};
    const QString text = box->text();
    box->close();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    return text;
}

} // namespace

class TestHistoryView : public QObject {
    Q_OBJECT
private slots:
    void aFinishedRunIsKeptOpensAndComparesWithAnother() {
        TargetServer target;
        QTemporaryDir dir;
        Window w(target.url(), dir.filePath("runs"));
        QCOMPARE(w.table().rowCount(), 0);
        QVERIFY(!child<QLabel>(w.panel(), "historyEmpty")->isHidden());

        runPlan(w, shortPlan("fast", "/", 2));
        QTRY_COMPARE(w.table().rowCount(), 1);
        QVERIFY(child<QLabel>(w.panel(), "historyEmpty")->isHidden());
        QCOMPARE(w.table().item(0, HistoryPanel::Name)->text(), QString("fast"));
        runPlan(w, shortPlan("slow", "/delay/20", 4));
        QTRY_COMPARE(w.table().rowCount(), 2);
        QCOMPARE(w.table().item(0, HistoryPanel::Name)->text(), QString("slow")); // newest first
        QVERIFY(QFile::exists(w.history.history().path(w.fileAt(0))));

        // Open the older run: the Load test page draws it again from its file.
        for (LiveChart* chart : w.window.loadTestPage()->charts()) // what the last run drew
            chart->reset();
        auto* throughput = w.window.loadTestPage()->findChild<ThroughputChart*>();
        QVERIFY(throughput->okGraph()->data()->isEmpty());
        w.panel().selectFiles({w.fileAt(1)});
        QVERIFY(child<QPushButton>(w.panel(), "historyOpen")->isEnabled());
        QVERIFY(!child<QPushButton>(w.panel(), "historyCompare")->isEnabled());
        QTest::mouseClick(child<QPushButton>(w.panel(), "historyOpen"), Qt::LeftButton);
        QCOMPARE(w.window.currentWorkspace(), w.window.loadTestPage());
        QVERIFY(throughput->okGraph()->data()->size() >= 1);
        auto* latency = w.window.loadTestPage()->findChild<LatencyChart*>();
        QVERIFY(latency->p99Graph()->data()->size() >= 1);
        QVERIFY(latency->correctedLine()->visible());
        QVERIFY(!w.window.loadTestPage()->findChild<HistogramChart*>()->bars()->data()->isEmpty());
        QCOMPARE(w.window.loadTestPage()->findChild<StatusChart*>()->labels(), QStringList{"200"});
        const auto* summary = child<RunSummaryTable>(*w.window.loadTestPage(), "summary");
        const auto fast = std::get<RunReport>(w.history.history().open(w.fileAt(1)));
        QCOMPARE(summary->value("Requests"), QString::number(fast.final.requests));
        QVERIFY(w.window.loadTestPage()->statusText().startsWith("fast"));
        // File → Export report writes the run on the page, not the last one that ended.
        QTemporaryDir csv;
        QVERIFY(w.exporter.exportReport(csv.path()));
        const QString summaryCsv = QString::fromUtf8(contentOf(csv.filePath("summary.csv")));
        const auto last = std::get<RunReport>(w.history.history().open(w.fileAt(0)));
        QVERIFY2(summaryCsv.contains("," + QString::number(fast.final.requests) + ","),
                 qPrintable(summaryCsv));
        QVERIFY(!summaryCsv.contains("," + QString::number(last.final.requests) + ","));

        // Both selected: the compare view, a series per run in every chart, a row per figure.
        w.panel().selectFiles({w.fileAt(0), w.fileAt(1)});
        QVERIFY(child<QPushButton>(w.panel(), "historyCompare")->isEnabled());
        QTest::mouseClick(child<QPushButton>(w.panel(), "historyCompare"), Qt::LeftButton);
        CompareView* view = w.window.compareView();
        QCOMPARE(w.window.currentWorkspace(), view);
        for (const QList<QCPGraph*>& graphs :
             {view->throughputChart()->graphs(), view->percentileChart()->graphs(),
              view->histogramChart()->graphs()}) {
            QCOMPARE(graphs.size(), 2);
            QCOMPARE(graphs[0]->name(), QString("slow"));
            QCOMPARE(graphs[1]->name(), QString("fast"));
            for (QCPGraph* graph : graphs)
                QVERIFY(graph->data()->size() >= 1);
        }
        // The percentile plot reaches into the tail: 1/(1 - p) past 100 is beyond p99.
        QVERIFY((view->percentileChart()->graphs()[0]->data()->constEnd() - 1)->key > 100);
        const auto slow = std::get<RunReport>(w.history.history().open(w.fileAt(0)));
        const RunComparison expected = compareRuns({slow, fast}, {"slow", "fast"});
        ComparisonTable* table = view->table();
        QCOMPARE(table->rowCount(), int(expected.figures.size()));
        QCOMPARE(table->horizontalHeaderItem(ComparisonTable::valueColumn(1))->text(),
                 QString("fast"));
        // The fast run's p99 is lower: better, told by colour and by arrow, sign and word.
        const int p99Row = int(expected.figure("p99") - expected.figures.data());
        QCOMPARE(table->item(p99Row, 0)->text(), QString("p99 latency"));
        QTableWidgetItem* p99 = table->item(p99Row, ComparisonTable::differenceColumn(1));
        QVERIFY2(p99->text().startsWith(QString::fromUtf8("\u25BC \u2212")),
                 qPrintable(p99->text()));
        QVERIFY(p99->text().endsWith("better"));
        QCOMPARE(p99->background(), ComparisonTable::betterBrush());

        // File → Export HTML report writes what is in front: the comparison, then the run.
        QTemporaryDir out;
        QVERIFY(w.history.exportHtml(out.filePath("compare.html")));
        QCOMPARE(contentOf(out.filePath("compare.html")).count("<svg"), 3);
        w.window.showWorkspace(w.window.loadTestPage());
        QVERIFY(w.history.exportHtml(out.filePath("run.html")));
        const QByteArray page = contentOf(out.filePath("run.html"));
        QCOMPARE(page.count("<svg"), 5);
        QVERIFY(page.contains("<h1>fast</h1>")); // the run opened last
        QVERIFY(!w.history.exportHtml(out.filePath("no/such/folder/run.html")));
        QVERIFY(takeProblem(w.window).contains("no/such/folder/run.html"));

        // Result files from elsewhere compare too, named after their files.
        QVERIFY(w.history.exportRun(w.fileAt(0), out.filePath("slow.json")));
        QVERIFY(w.history.exportRun(w.fileAt(1), out.filePath("fast.json")));
        QVERIFY(w.history.openResultFiles({out.filePath("fast.json"), out.filePath("slow.json")}));
        QCOMPARE(w.window.currentWorkspace(), view);
        QCOMPARE(view->percentileChart()->graphs()[0]->name(), QString("fast"));
        QCOMPARE(view->percentileChart()->graphs()[1]->name(), QString("slow"));

        // A run against itself: every difference is zero.
        QVERIFY(w.history.compareRuns({w.fileAt(1), w.fileAt(1)}));
        QCOMPARE(table->horizontalHeaderItem(ComparisonTable::valueColumn(1))->text(),
                 QString("fast (2)"));
        for (int row = 0; row < table->rowCount(); ++row) {
            const QString diff = table->item(row, ComparisonTable::differenceColumn(1))->text();
            QVERIFY2(diff.startsWith("= 0"), qPrintable(table->item(row, 0)->text() + ": " + diff));
            QCOMPARE(table->item(row, ComparisonTable::valueColumn(1))->text(),
                     table->item(row, ComparisonTable::valueColumn(0))->text());
        }
    }

    void renameDeleteAndFilesThatDoNotRead() {
        TargetServer target;
        QTemporaryDir dir;
        const QString folder = dir.filePath("runs");
        {
            Window w(target.url(), folder);
            runPlan(w, shortPlan("to rename", "/", 1));
            QTRY_COMPARE(w.table().rowCount(), 1);
            w.table().item(0, HistoryPanel::Name)->setText("renamed in the window");
        }
        Window w(target.url(), folder); // as after a restart
        QCOMPARE(w.table().rowCount(), 1);
        QCOMPARE(w.table().item(0, HistoryPanel::Name)->text(), QString("renamed in the window"));
        const QString file = w.fileAt(0);

        // A file that is not a result file: the list says so, the window goes on.
        QFile junk(QDir(folder).filePath("junk.json"));
        QVERIFY(junk.open(QIODevice::WriteOnly) && junk.write("{\"truncated\": ") > 0);
        junk.close();
        w.history.refresh();
        auto* skipped = child<QLabel>(w.panel(), "historySkipped");
        QVERIFY(!skipped->isHidden());
        QVERIFY2(skipped->text().contains("junk.json: not a result file"),
                 qPrintable(skipped->text()));
        QCOMPARE(w.table().rowCount(), 1);
        // Opened by File → Open result: a dialog names the file and the reason.
        QVERIFY(!w.history.openResultFiles({junk.fileName()}));
        const QString problem = takeProblem(w.window);
        QVERIFY2(problem.contains(junk.fileName() + ": not a result file"), qPrintable(problem));
        QTemporaryDir other;
        const QString future = writtenFile(other, "future.json", "{\"stampede_result\": 7}");
        QVERIFY(!w.history.openResultFiles({future}));
        QVERIFY(takeProblem(w.window).contains(future + ": stampede_result: version 7"));

        // Delete asks first: Cancel keeps the run, Yes removes its file.
        w.panel().selectFiles({file});
        const auto answer = [](QMessageBox::StandardButton button) {
            QTimer::singleShot(0, [button] {
                auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
                if (box && box->objectName() == "confirmDelete")
                    box->button(button)->click();
            });
        };
        answer(QMessageBox::Cancel);
        QTest::mouseClick(child<QPushButton>(w.panel(), "historyDelete"), Qt::LeftButton);
        QCOMPARE(w.table().rowCount(), 1);
        answer(QMessageBox::Yes);
        QTest::mouseClick(child<QPushButton>(w.panel(), "historyDelete"), Qt::LeftButton);
        QCOMPARE(w.table().rowCount(), 0);
        QVERIFY(!QFile::exists(QDir(folder).filePath(file)));
    }
};

QTEST_MAIN(TestHistoryView)
#include "tst_historyview.moc"
