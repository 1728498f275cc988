#include "ui/loadtest/compare/ThroughputOverlayChart.h"

#include "core/engine/RunSnapshot.h"
#include "core/report/RunColours.h"

#include <qcustomplot.h>

#include <algorithm>

namespace stampede {

ThroughputOverlayChart::ThroughputOverlayChart(QWidget* parent)
    : LiveChart(tr("Throughput over time"), parent) {
    plot()->xAxis->setLabel(tr("time since start (s)"));
    plot()->yAxis->setLabel(tr("requests per second"));
    showLegendBelow();
    plot()->legend->setWrap(2); // two runs a row: names are long, four runs fit two rows
    reset();
}

void ThroughputOverlayChart::setRuns(const std::vector<RunReport>& runs, const QStringList& names) {
    reset();
    for (std::size_t i = 0; i < runs.size(); ++i) {
        QCPGraph* graph = addLine(names.value(int(i)), QColor(kRunColours[i % kRunColourCount]));
        QVector<double> seconds, rates;
        for (const TimeSeriesRow& row : runs[i].timeSeries)
            if (const auto rate = row.perSecond(row.completed)) {
                seconds << row.second;
                rates << *rate;
            }
        graph->setData(seconds, rates, true);
        graphs_ << graph;
    }
    plot()->rescaleAxes();
    plot()->yAxis->setRangeLower(0);
    plot()->yAxis->setRangeUpper(std::max(1.0, plot()->yAxis->range().upper * 1.1));
    replotSoon();
}

void ThroughputOverlayChart::reset() {
    for (QCPGraph* graph : graphs_)
        plot()->removeGraph(graph);
    graphs_.clear();
    plot()->xAxis->setRange(0, 10);
    plot()->yAxis->setRange(0, 10);
    replotSoon();
}

} // namespace stampede
