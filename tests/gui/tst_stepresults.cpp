// A flow's results in the Load test page, from snapshots built here: the per-step table
// shows each step's figures, the summary adds the iterations, and the latency chart draws
// one step or all of them from the seconds' per-step rows.
#include "core/engine/RunSnapshot.h"
#include "tests/common/FindChild.h"
#include "ui/loadtest/LoadTestPage.h"
#include "ui/loadtest/charts/LatencyChart.h"
#include "ui/loadtest/form/LoadTestForm.h"
#include "ui/loadtest/results/Milliseconds.h"
#include "ui/loadtest/results/RunSummaryTable.h"
#include "ui/loadtest/results/StepTable.h"

#include <QComboBox>
#include <QTest>
#include <qcustomplot.h>

using namespace stampede;
using namespace std::chrono_literals;

namespace {

Plan twoSteps() {
    Plan plan;
    plan.steps.resize(2);
    plan.steps[0].name = "create a course";
    plan.steps[0].method = HttpMethod::Post;
    plan.steps[0].url = "/courses";
    plan.steps[1].url = "/courses"; // no name: titled by what it sends
    return plan;
}

LatencyHistogram millis(std::initializer_list<int> values) {
    LatencyHistogram h;
    for (int ms : values)
        h.recordMicros(std::uint64_t(ms) * 1000);
    return h;
}

RunSnapshot flowSnapshot() {
    RunSnapshot s;
    s.elapsed = 4s;
    s.requests = 300;
    s.completed = 290;
    s.errors = 12;
    StepFigures& create = s.steps.emplace_back();
    create.requests = 200;
    create.completed = 200;
    create.errors = 10;
    create.errorsByClass[std::size_t(ErrorClass::UnexpectedStatus)] = {8, "expected 201, got 507"};
    create.errorsByClass[std::size_t(ErrorClass::Http5xx)] = {2, "HTTP 500"};
    create.latency = millis({10, 10, 10, 10, 10, 10, 10, 10, 10, 40});
    StepFigures& list = s.steps.emplace_back();
    list.requests = 100;
    list.completed = 90;
    list.errors = 2;
    list.skipped = 10;
    list.errorsByClass[std::size_t(ErrorClass::Timeout)] = {2, "Operation timed out after 2000 ms"};
    list.latency = millis({5});
    s.iterations.completed = 88;
    s.iterations.failed = 12;
    s.iterations.firstFailure = "step 1 (create a course): expected 201, got 507";
    s.iterations.duration = millis({20, 20, 30});
    return s;
}

QString shownMs(const LatencyHistogram& h, double q) {
    return millisecondsText(double(h.quantile(q)) / 1000.0);
}

QString cell(const StepTable& table, int row, StepTable::Column column) {
    return table.item(row, column)->text();
}

} // namespace

class TestStepResults : public QObject {
    Q_OBJECT
private slots:
    void thePerStepTableShowsEachStepsFigures() {
        LoadTestPage page;
        page.form()->setPlan(twoSteps());
        page.show();
        auto* table = child<StepTable>(page, "stepFigures");
        page.runStarted();
        QVERIFY(table->isVisible());
        QCOMPARE(table->rowCount(), 2);
        QCOMPARE(cell(*table, 0, StepTable::Name), QString("1. create a course"));
        QCOMPARE(cell(*table, 1, StepTable::Name), QString("2. GET /courses"));

        page.showSnapshot(flowSnapshot());
        QCOMPARE(cell(*table, 0, StepTable::Requests), QString("200"));
        QCOMPARE(cell(*table, 0, StepTable::Errors), QString("10"));
        QCOMPARE(cell(*table, 0, StepTable::Skipped), QString("0"));
        QCOMPARE(cell(*table, 0, StepTable::Rate), QString("50.0"));
        const RunSnapshot s = flowSnapshot();
        QCOMPARE(cell(*table, 0, StepTable::P50), shownMs(s.steps[0].latency, 0.5));
        QCOMPARE(cell(*table, 0, StepTable::P99), shownMs(s.steps[0].latency, 0.99));
        QVERIFY2(cell(*table, 0, StepTable::P99).startsWith("4") ||
                     cell(*table, 0, StepTable::P99).startsWith("39."),
                 qPrintable(cell(*table, 0, StepTable::P99)));
        // The most frequent kind of error, with its first message.
        QCOMPARE(cell(*table, 0, StepTable::FirstError),
                 QString("unexpected status: expected 201, got 507"));
        QVERIFY(
            table->item(0, StepTable::FirstError)->toolTip().contains("2 × http 5xx: HTTP 500"));
        QCOMPARE(cell(*table, 1, StepTable::Requests), QString("100"));
        QCOMPARE(cell(*table, 1, StepTable::Skipped), QString("10"));
        QCOMPARE(cell(*table, 1, StepTable::Rate), QString("25.0"));
        QCOMPARE(cell(*table, 1, StepTable::FirstError),
                 QString("timeout: Operation timed out after 2000 ms"));

        // The iterations in the summary.
        auto* summary = child<RunSummaryTable>(page, "summary");
        QCOMPARE(summary->value("Iterations"), QString("88"));
        QCOMPARE(summary->value("Failed"), QString("12"));
        QCOMPARE(summary->value("Iterations/s"), QString("25.0"));
        QCOMPARE(summary->value("Iteration p50"), shownMs(s.iterations.duration, 0.5));
        QVERIFY(summary->value("Iteration p50").startsWith("2"));
        QCOMPARE(summary->value("First failure"),
                 QString("step 1 (create a course): expected 201, got 507"));

        // A one-step plan has neither the table nor the iteration rows.
        page.form()->setPlan(Plan{});
        page.runStarted();
        QVERIFY(!table->isVisible());
        RunSnapshot single;
        single.steps.resize(1);
        page.showSnapshot(single);
        QVERIFY(!table->isVisible());
        const int iterationsRow = int(summary->findItems("Iterations", Qt::MatchExactly)[0]->row());
        QVERIFY(summary->isRowHidden(iterationsRow));
    }

    void theLatencyChartShowsOneStepOrAll() {
        LatencyChart chart;
        chart.setSteps({"create", "list"});
        auto* picker = child<QComboBox>(chart, "latencyStep");
        QCOMPARE(picker->count(), 3);
        QCOMPARE(picker->itemText(0), QString("all steps"));
        QCOMPARE(picker->itemText(2), QString("2. list"));

        std::vector<TimeSeriesRow> rows(3);
        for (int i = 0; i < 3; ++i) {
            rows[i].second = i + 1;
            rows[i].completed = 30;
            rows[i].p50Ms = 10 + i;
            rows[i].p99Ms = 50;
            rows[i].steps = {{20, 0, 15.0 + i, 18, 40}, {10, 0, 3.0 + i, 4, 9}};
        }
        rows[1].steps[1].completed = 0; // a second the list step had nothing
        chart.appendRows(rows);
        QCOMPARE((chart.p50Graph()->data()->constBegin() + 1)->value, 11.0);

        picker->setCurrentIndex(2);
        QCOMPARE(chart.shownStep(), 1);
        QCOMPARE(chart.p50Graph()->dataCount(), 3);
        QCOMPARE(chart.p50Graph()->data()->constBegin()->value, 3.0);
        QVERIFY(std::isnan((chart.p50Graph()->data()->constBegin() + 1)->value));
        QCOMPARE((chart.p99Graph()->data()->constBegin() + 2)->value, 9.0);
        // Seconds that arrive later follow the step picked.
        std::vector<TimeSeriesRow> more(1, rows[2]);
        more[0].second = 4;
        more[0].steps[1].p50Ms = 7;
        chart.appendRows(more);
        QCOMPARE((chart.p50Graph()->data()->constEnd() - 1)->value, 7.0);

        // The step's own p99 line, without the run's uncorrected one.
        const LatencyHistogram run = millis({100});
        chart.setOverall(run, &run);
        chart.setStepOverall({30.0, 8.0});
        QCOMPARE(chart.correctedLine()->name(), QString("step p99"));
        QCOMPARE(chart.correctedLine()->data()->constBegin()->value, 8.0);
        QVERIFY(!chart.uncorrectedLine()->visible());

        picker->setCurrentIndex(0);
        QCOMPARE(chart.p50Graph()->data()->constBegin()->value, 10.0);
        QCOMPARE(chart.correctedLine()->name(), QString("run p99, corrected"));
        QVERIFY(chart.uncorrectedLine()->visible());

        chart.setSteps({}); // a one-step plan: no picker, all of it
        QVERIFY(picker->isHidden());
        QCOMPARE(chart.shownStep(), -1);
    }
};

QTEST_MAIN(TestStepResults)
#include "tst_stepresults.moc"
