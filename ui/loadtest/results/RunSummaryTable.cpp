#include "ui/loadtest/results/RunSummaryTable.h"

#include "core/engine/RunSnapshot.h"
#include "core/stats/LatencyPercentiles.h"
#include "ui/loadtest/results/Milliseconds.h"

#include <QHeaderView>

namespace stampede {
namespace {

const QStringList kMetrics = {
    "Requests",      "Completed",     "Errors",     "Error rate",  "Requests/s",   "Received",
    "In flight",     "Backlog (max)", "p50",        "p90",         "p99",          "p99.9",
    "max",           "mean",          "Iterations", "Failed",      "Iterations/s", "Iteration p50",
    "Iteration p99", "First failure", "Transport",  "HTTP version"};
// A flow's own rows, shown only when the plan has more than one step.
const QStringList kIterationMetrics = {"Iterations",    "Failed",        "Iterations/s",
                                       "Iteration p50", "Iteration p99", "First failure"};

} // namespace

RunSummaryTable::RunSummaryTable(QWidget* parent)
    : QTableWidget(int(kMetrics.size()), 2, parent) {
    setObjectName("summary");
    setHorizontalHeaderLabels({tr("Metric"), tr("Value")});
    horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    verticalHeader()->hide();
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    setEditTriggers(NoEditTriggers);
    setAlternatingRowColors(true);
    for (int row = 0; row < kMetrics.size(); ++row) {
        setItem(row, 0, new QTableWidgetItem(kMetrics[row]));
        auto* value = new QTableWidgetItem;
        value->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        setItem(row, 1, value);
    }
    item(kMetrics.indexOf("p99"), 0)
        ->setToolTip(tr("99 % of requests were faster than this; 1 in 100 was slower."));
    item(kMetrics.indexOf("Iterations"), 0)
        ->setToolTip(tr("Whole passes of a virtual user through every step that succeeded."));
    item(kMetrics.indexOf("Failed"), 0)
        ->setToolTip(tr("Iterations a step failed in: the rest of that iteration was skipped."));
    item(kMetrics.indexOf("Iteration p50"), 0)
        ->setToolTip(tr("How long a whole pass through the flow took, think times included."));
    setFlowShown(false);
}

void RunSummaryTable::setFlowShown(bool shown) {
    for (const QString& metric : kIterationMetrics)
        setRowHidden(int(kMetrics.indexOf(metric)), !shown);
}

void RunSummaryTable::setValue(const QString& metric, const QString& text) {
    item(int(kMetrics.indexOf(metric)), 1)->setText(text);
}

void RunSummaryTable::show(const RunSnapshot& s) {
    const auto p = LatencyPercentiles::from(s.latency);
    const bool any = s.latency.count() > 0;
    const QStringList values = {
        QString::number(s.requests),
        QString::number(s.completed),
        QString::number(s.errors),
        QString::number(s.errorPercent(), 'f', 2) + " %",
        QString::number(s.rps(), 'f', 1),
        QLocale::c().formattedDataSize(static_cast<qint64>(s.bytes)),
        QString::number(s.inFlight),
        QString::number(s.backlogMax),
        any ? millisecondsText(p.p50) : QString(),
        any ? millisecondsText(p.p90) : QString(),
        any ? millisecondsText(p.p99) : QString(),
        any ? millisecondsText(p.p999) : QString(),
        any ? millisecondsText(p.max) : QString(),
        any ? millisecondsText(p.mean) : QString(),
    };
    for (int row = 0; row < values.size(); ++row)
        item(row, 1)->setText(values[row]);

    setFlowShown(s.steps.size() > 1);
    const IterationFigures& it = s.iterations;
    const bool ended = it.duration.count() > 0;
    const auto duration = [&](double q) {
        return ended ? millisecondsText(double(it.duration.quantile(q)) / 1000.0) : QString();
    };
    setValue("Iterations", QString::number(it.completed));
    setValue("Failed", QString::number(it.failed));
    setValue("Iterations/s", QString::number(s.iterationsPerSecond(), 'f', 1));
    setValue("Iteration p50", duration(0.5));
    setValue("Iteration p99", duration(0.99));
    setValue("First failure", QString::fromStdString(it.firstFailure));
    item(int(kMetrics.indexOf("First failure")), 1)
        ->setToolTip(QString::fromStdString(it.firstFailure));
}

void RunSummaryTable::clearValues() {
    for (int row = 0; row < rowCount(); ++row)
        item(row, 1)->setText({});
}

QString RunSummaryTable::value(const QString& metric) const {
    const int row = int(kMetrics.indexOf(metric));
    return row < 0 ? QString() : item(row, 1)->text();
}

void RunSummaryTable::showTransport(const QString& name, const QString& why, int threads,
                                    const QString& httpVersion) {
    QTableWidgetItem* cell = item(int(kMetrics.indexOf("Transport")), 1);
    cell->setText(threads > 1 ? tr("%1 × %2 threads").arg(name).arg(threads) : name);
    cell->setToolTip(why);
    QTableWidgetItem* version = item(int(kMetrics.indexOf("HTTP version")), 1);
    version->setText(httpVersion.isEmpty() ? QString() : "HTTP/" + httpVersion);
    version->setToolTip(tr("The protocol the server answered with; \"1.1+2\" when some "
                           "connections spoke each."));
}

} // namespace stampede
