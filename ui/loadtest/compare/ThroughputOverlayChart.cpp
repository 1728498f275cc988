#include "ui/loadtest/compare/ThroughputOverlayChart.h"

#include "core/engine/RunSnapshot.h"

#include <qcustomplot.h>

#include <algorithm>

namespace stampede {

ThroughputOverlayChart::ThroughputOverlayChart(QWidget* parent)
    : RunsChart(tr("Throughput over time"), parent) {
    plot()->xAxis->setLabel(tr("time since start (s)"));
    plot()->yAxis->setLabel(tr("requests per second"));
    showLegendBelow();
    plot()->legend->setWrap(2); // two runs a row: names are long, four runs fit two rows
    setEmptyRange(0, 10);
    reset();
}

void ThroughputOverlayChart::setRuns(const std::vector<RunReport>& runs, const QStringList& names) {
    reset();
    for (std::size_t i = 0; i < runs.size(); ++i) {
        QCPGraph* graph = addRunLine(i, names.value(int(i)));
        QVector<double> seconds, rates;
        for (const TimeSeriesRow& row : runs[i].timeSeries)
            if (const auto rate = row.perSecond(row.completed)) {
                seconds << row.second;
                rates << *rate;
            }
        graph->setData(seconds, rates, true);
    }
    plot()->rescaleAxes();
    plot()->yAxis->setRangeLower(0);
    plot()->yAxis->setRangeUpper(std::max(1.0, plot()->yAxis->range().upper * 1.1));
    replotSoon();
}

} // namespace stampede
