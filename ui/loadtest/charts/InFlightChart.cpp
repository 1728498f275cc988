#include "ui/loadtest/charts/InFlightChart.h"

#include <qcustomplot.h>

#include <algorithm>

namespace stampede {

InFlightChart::InFlightChart(QWidget* parent)
    : LiveChart(tr("Concurrency"), parent)
    , inFlight_(addLine(tr("in flight"), QColor(0x1f, 0x77, 0xb4)))
    , backlog_(addLine(tr("backlog (due, not sent)"), QColor(0xff, 0x7f, 0x0e)))
    , little_(addLine(tr("Little's law: rate × latency"), QColor(0x55, 0x55, 0x55), true)) {
    plot()->xAxis->setLabel(tr("time since start (s)"));
    plot()->yAxis->setLabel(tr("requests"));
    showLegendBelow();
    reset();
}

void InFlightChart::appendRows(const std::vector<TimeSeriesRow>& rows) {
    if (rows.empty())
        return;
    QVector<double> seconds, inFlight, backlog, predicted;
    for (const TimeSeriesRow& row : rows) {
        seconds << row.second;
        inFlight << double(row.inFlight);
        backlog << double(row.backlog);
        // L = λ·W with λ the completion rate of this row and W its mean latency (the law is
        // about the mean: with a long tail the median would predict far too few); a row too
        // short to have a rate leaves a gap rather than a spike.
        const auto rate = row.perSecond(row.completed);
        predicted << (rate ? *rate * row.meanMs / 1000.0 : qQNaN());
    }
    appendCapped(inFlight_, seconds, inFlight, kMaxPoints);
    appendCapped(backlog_, seconds, backlog, kMaxPoints);
    appendCapped(little_, seconds, predicted, kMaxPoints);
    plot()->rescaleAxes();
    plot()->yAxis->setRangeLower(0);
    plot()->yAxis->setRangeUpper(std::max(1.0, plot()->yAxis->range().upper * 1.15));
    replotSoon();
}

void InFlightChart::reset() {
    for (QCPGraph* graph : {inFlight_, backlog_, little_})
        graph->data()->clear();
    plot()->xAxis->setRange(0, 10);
    plot()->yAxis->setRange(0, 10);
    replotSoon();
}

} // namespace stampede
