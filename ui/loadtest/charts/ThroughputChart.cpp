#include "ui/loadtest/charts/ThroughputChart.h"

#include <qcustomplot.h>

#include <algorithm>

namespace stampede {

ThroughputChart::ThroughputChart(QWidget* parent)
    : LiveChart(tr("Throughput"), parent)
    , ok_(addLine(tr("ok"), QColor(0x2e, 0x9e, 0x44)))
    , errors_(addLine(tr("errors"), QColor(0xd6, 0x27, 0x28))) {
    plot()->xAxis->setLabel(tr("time since start (s)"));
    plot()->yAxis->setLabel(tr("requests per second"));
    showLegendBelow();
    reset();
}

void ThroughputChart::appendRows(const std::vector<TimeSeriesRow>& rows) {
    QVector<double> seconds, ok, errors;
    for (const TimeSeriesRow& row : rows) {
        const auto okRate =
            row.perSecond(row.completed >= row.errors ? row.completed - row.errors : 0);
        if (!okRate)
            continue;
        seconds << row.second;
        ok << *okRate;
        errors << *row.perSecond(row.errors);
    }
    if (seconds.isEmpty())
        return;
    appendCapped(ok_, seconds, ok, kMaxPoints);
    appendCapped(errors_, seconds, errors, kMaxPoints);
    plot()->rescaleAxes();
    // Rates start at zero; a y axis hugging the data would exaggerate small wobbles.
    plot()->yAxis->setRangeLower(0);
    plot()->yAxis->setRangeUpper(std::max(1.0, plot()->yAxis->range().upper * 1.1));
    replotSoon();
}

void ThroughputChart::reset() {
    ok_->data()->clear();
    errors_->data()->clear();
    plot()->xAxis->setRange(0, 10);
    plot()->yAxis->setRange(0, 10);
    replotSoon();
}

} // namespace stampede
