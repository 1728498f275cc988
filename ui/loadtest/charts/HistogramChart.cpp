#include "ui/loadtest/charts/HistogramChart.h"

#include "core/stats/LatencyHistogram.h"
#include "core/stats/LogBins.h"

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

namespace stampede {

namespace {

QString formatMs(double ms) {
    // Three significant digits without switching to exponents for slow requests.
    return QString::number(ms, 'f', ms < 10 ? 2 : ms < 100 ? 1 : 0);
}

} // namespace

HistogramChart::HistogramChart(QWidget* parent)
    : LiveChart(tr("Latency distribution"), parent)
    , bars_(new QCPBars(plot()->xAxis, plot()->yAxis))
    , markers_{{{0.50, "p50", nullptr, nullptr},
                {0.90, "p90", nullptr, nullptr},
                {0.99, "p99", nullptr, nullptr},
                {0.999, "p99.9", nullptr, nullptr}}} {
    plot()->xAxis->setLabel(tr("latency (ms, log scale)"));
    plot()->yAxis->setLabel(tr("requests"));
    plot()->xAxis->setScaleType(QCPAxis::stLogarithmic);
    plot()->xAxis->setNumberFormat(QStringLiteral("gb"));
    plot()->xAxis->setNumberPrecision(6);

    bars_->setName(tr("requests"));
    bars_->setPen(Qt::NoPen);
    bars_->setBrush(QColor(0x1f, 0x77, 0xb4, 190));
    // Bins are equally wide on the log axis, so one width relative to the axis rect fits all.
    bars_->setWidthType(QCPBars::wtAxisRectRatio);

    const QColor markerColor(0x33, 0x33, 0x33);
    for (std::size_t i = 0; i < markers_.size(); ++i) {
        Marker& marker = markers_[i];
        marker.line = new QCPItemStraightLine(plot());
        marker.line->setPen(QPen(markerColor, 1, Qt::DashLine));
        marker.label = new QCPItemText(plot());
        marker.label->setColor(markerColor);
        marker.label->setBrush(QColor(255, 255, 255, 220));
        marker.label->setPadding(QMargins(3, 1, 3, 1));
        marker.label->position->setTypeX(QCPItemPosition::ptPlotCoords);
        // Staggered heights keep labels of nearby percentiles from overlapping.
        marker.label->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
    }
    reset();
}

void HistogramChart::setHistogram(const LatencyHistogram& histogram) {
    const auto range = occupiedRange({&histogram});
    if (!range) {
        reset();
        return;
    }
    const LogBins bins = logBins(histogram, *range, kMaxBars);
    const QVector<double> keys(bins.centresMs.begin(), bins.centresMs.end());
    const QVector<double> counts(bins.counts.begin(), bins.counts.end());
    bars_->setData(keys, counts, true);
    bars_->setWidth(0.9 / double(keys.size() + 2)); // one empty bin's margin on either side

    const double binFactor = bins.binFactor();
    const double lo = range->lower, hi = range->upper;
    plot()->xAxis->setRange(lo / binFactor / 1000.0, hi * binFactor / 1000.0);
    // Decade ticks label a wide range; a narrow one (all requests within 3×) would get no
    // label at all from them, so it gets plain evenly spaced ones.
    const bool wide = hi / lo >= 30;
    if (wide != bool(plot()->xAxis->ticker().dynamicCast<QCPAxisTickerLog>())) {
        if (wide) {
            auto ticker = QSharedPointer<QCPAxisTickerLog>::create();
            ticker->setSubTickCount(8);
            plot()->xAxis->setTicker(ticker);
        } else {
            plot()->xAxis->setTicker(QSharedPointer<QCPAxisTicker>::create());
        }
    }
    const double top = *std::max_element(counts.begin(), counts.end());
    plot()->yAxis->setRange(0, top * 1.1);

    for (std::size_t i = 0; i < markers_.size(); ++i) {
        Marker& marker = markers_[i];
        const double ms = double(histogram.quantile(marker.quantile)) / 1000.0;
        marker.line->point1->setCoords(ms, 0);
        marker.line->point2->setCoords(ms, 1);
        marker.label->setText(QStringLiteral("%1 %2 ms").arg(marker.name, formatMs(ms)));
        marker.label->position->setCoords(ms, 0.02 + 0.08 * double(i));
        // Labels near the right edge go left of their line rather than off the chart.
        const QCPRange x = plot()->xAxis->range();
        const double along = std::log(ms / x.lower) / std::log(x.upper / x.lower);
        marker.label->setPositionAlignment((along > 0.75 ? Qt::AlignRight : Qt::AlignLeft) |
                                           Qt::AlignTop);
        marker.line->setVisible(true);
        marker.label->setVisible(true);
    }
    replotSoon();
}

void HistogramChart::reset() {
    bars_->data()->clear();
    for (Marker& marker : markers_) {
        marker.line->setVisible(false);
        marker.label->setVisible(false);
    }
    // An empty chart spans decades: only decade ticks label it without crowding.
    if (!plot()->xAxis->ticker().dynamicCast<QCPAxisTickerLog>()) {
        auto ticker = QSharedPointer<QCPAxisTickerLog>::create();
        ticker->setSubTickCount(8);
        plot()->xAxis->setTicker(ticker);
    }
    plot()->xAxis->setRange(0.1, 1000);
    plot()->yAxis->setRange(0, 10);
    replotSoon();
}

} // namespace stampede
