#include "ui/loadtest/charts/LatencyChart.h"

#include "core/stats/LatencyHistogram.h"

#include <qcustomplot.h>

#include <algorithm>

namespace stampede {

LatencyChart::LatencyChart(QWidget* parent)
    : LiveChart(tr("Latency"), parent)
    , p50_(addLine(tr("p50"), QColor(0x1f, 0x77, 0xb4)))
    , p90_(addLine(tr("p90"), QColor(0x2c, 0xa0, 0x2c)))
    , p99_(addLine(tr("p99"), QColor(0x94, 0x67, 0xbd)))
    , corrected_(addLine(tr("run p99, corrected"), QColor(0xd6, 0x27, 0x28), true))
    , uncorrected_(addLine(tr("run p99, uncorrected"), QColor(0x7f, 0x7f, 0x7f), true))
    , gapLabel_(new QCPItemText(plot())) {
    plot()->xAxis->setLabel(tr("time since start (s)"));
    plot()->yAxis->setLabel(tr("latency (ms)"));
    showLegendBelow();

    corrected_->setChannelFillGraph(uncorrected_);
    corrected_->setBrush(QColor(0xd6, 0x27, 0x28, 50));
    gapLabel_->setText(tr("coordinated omission gap"));
    gapLabel_->setColor(QColor(0xa0, 0x1a, 0x1b));
    gapLabel_->setPositionAlignment(Qt::AlignRight | Qt::AlignVCenter);
    gapLabel_->position->setTypeX(QCPItemPosition::ptAxisRectRatio);
    gapLabel_->position->setTypeY(QCPItemPosition::ptPlotCoords);
    reset();
}

void LatencyChart::appendRows(const std::vector<TimeSeriesRow>& rows) {
    if (rows.empty())
        return;
    QVector<double> seconds, p50, p90, p99;
    for (const TimeSeriesRow& row : rows) {
        // A second without completions has no latency; NaN leaves a gap instead of a 0 dip.
        const bool none = row.completed == 0;
        seconds << row.second;
        p50 << (none ? qQNaN() : row.p50Ms);
        p90 << (none ? qQNaN() : row.p90Ms);
        p99 << (none ? qQNaN() : row.p99Ms);
    }
    appendCapped(p50_, seconds, p50, kMaxPoints);
    appendCapped(p90_, seconds, p90, kMaxPoints);
    appendCapped(p99_, seconds, p99, kMaxPoints);
    layOutReferenceLines();
    rescale();
}

void LatencyChart::setOverall(const LatencyHistogram& corrected,
                              const LatencyHistogram* uncorrected) {
    correctedP99Ms_.reset();
    uncorrectedP99Ms_.reset();
    if (corrected.count() > 0)
        correctedP99Ms_ = double(corrected.quantile(0.99)) / 1000.0;
    if (uncorrected && uncorrected->count() > 0)
        uncorrectedP99Ms_ = double(uncorrected->quantile(0.99)) / 1000.0;
    layOutReferenceLines();
    rescale();
}

void LatencyChart::reset() {
    for (QCPGraph* graph : {p50_, p90_, p99_, corrected_, uncorrected_})
        graph->data()->clear();
    correctedP99Ms_.reset();
    uncorrectedP99Ms_.reset();
    layOutReferenceLines();
    plot()->xAxis->setRange(0, 10);
    plot()->yAxis->setRange(0, 10);
    replotSoon();
}

void LatencyChart::layOutReferenceLines() {
    // Horizontal lines across the seconds drawn so far (or a nominal span before any row).
    double from = 0, to = 1;
    if (!p50_->data()->isEmpty()) {
        from = p50_->data()->constBegin()->key;
        to = std::max(from + 1, (p50_->data()->constEnd() - 1)->key);
    }
    auto drawLine = [&](QCPGraph* graph, const std::optional<double>& value) {
        graph->data()->clear();
        if (value)
            graph->setData({from, to}, {*value, *value}, true);
        graph->setVisible(value.has_value());
        if (value)
            graph->addToLegend();
        else
            graph->removeFromLegend();
    };
    // "Corrected" means something only beside an uncorrected line (the open model).
    corrected_->setName(uncorrectedP99Ms_ ? tr("run p99, corrected") : tr("run p99"));
    drawLine(corrected_, correctedP99Ms_);
    drawLine(uncorrected_, uncorrectedP99Ms_);
    // Without the uncorrected line there is no band to fill.
    // Both arms must be QBrush: Qt::NoBrush would otherwise convert to QColor(Qt::color0), black.
    corrected_->setBrush(uncorrectedP99Ms_ ? QBrush(QColor(0xd6, 0x27, 0x28, 50))
                                           : QBrush(Qt::NoBrush));

    const bool gap = correctedP99Ms_ && uncorrectedP99Ms_ && *correctedP99Ms_ > *uncorrectedP99Ms_;
    gapLabel_->setVisible(gap);
    if (gap)
        gapLabel_->position->setCoords(0.98, (*correctedP99Ms_ + *uncorrectedP99Ms_) / 2);
}

void LatencyChart::rescale() {
    plot()->rescaleAxes();
    plot()->yAxis->setRangeLower(0);
    plot()->yAxis->setRangeUpper(std::max(1.0, plot()->yAxis->range().upper * 1.15));
    replotSoon();
}

} // namespace stampede
