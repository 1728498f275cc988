#include "ui/loadtest/results/RunSummaryTable.h"

#include "core/engine/RunSnapshot.h"
#include "core/stats/LatencyPercentiles.h"

#include <QHeaderView>

namespace stampede {
namespace {

const QStringList kMetrics = {"Requests",   "Completed", "Errors",    "Error rate",
                              "Requests/s", "Received",  "In flight", "Backlog (max)",
                              "p50",        "p90",       "p99",       "p99.9",
                              "max",        "mean",      "Transport", "HTTP version"};

QString ms(double value) {
    return QString::number(value, 'f', value < 10 ? 2 : 1) + " ms";
}

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
        any ? ms(p.p50) : QString(),
        any ? ms(p.p90) : QString(),
        any ? ms(p.p99) : QString(),
        any ? ms(p.p999) : QString(),
        any ? ms(p.max) : QString(),
        any ? ms(p.mean) : QString(),
    };
    for (int row = 0; row < values.size(); ++row)
        item(row, 1)->setText(values[row]);
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
