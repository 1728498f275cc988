#include "ui/lab/pi/PiConvergenceChart.h"

#include "core/lab/pi/PiTally.h"

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace stampede {
namespace {

// The standard error at n samples when the hit rate is exactly π/4: the funnel to expect.
double sigmaAt(double samples) {
    constexpr double p = std::numbers::pi / 4;
    return 4.0 * std::sqrt(p * (1 - p) / samples);
}

} // namespace

PiConvergenceChart::PiConvergenceChart(QWidget* parent)
    : LiveChart(tr("Estimate of π"), parent)
    , estimate_(addLine(tr("estimate"), QColor(0x1f, 0x77, 0xb4)))
    , pi_(addLine(tr("π"), QColor(0x30, 0x30, 0x30), true))
    , upper_(addLine(tr("π ± 2σ (95 %)"), QColor(0x2c, 0xa0, 0x2c)))
    , lower_(addLine(QString(), QColor(0x2c, 0xa0, 0x2c))) {
    plot()->xAxis->setLabel(tr("samples drawn (log scale)"));
    plot()->yAxis->setLabel(tr("estimate"));
    plot()->xAxis->setScaleType(QCPAxis::stLogarithmic);
    plot()->xAxis->setTicker(QSharedPointer<QCPAxisTickerLog>::create());
    plot()->xAxis->setNumberFormat(QStringLiteral("eb"));
    plot()->xAxis->setNumberPrecision(0);
    plot()->yAxis->setNumberFormat(QStringLiteral("f"));
    plot()->yAxis->setNumberPrecision(5);
    for (QCPGraph* edge : {upper_, lower_})
        edge->setPen(QPen(QColor(0x2c, 0xa0, 0x2c), 1));
    upper_->setChannelFillGraph(lower_);
    upper_->setBrush(QColor(0x2c, 0xa0, 0x2c, 40));
    lower_->removeFromLegend();
    // The estimate above the band, so the band never hides it.
    estimate_->setLayer(QStringLiteral("overlay"));
    showLegendBelow();
    reset();
}

void PiConvergenceChart::addTally(const PiTally& tally) {
    if (tally.samples == 0)
        return;
    const double samples = double(tally.samples);
    const auto data = estimate_->data();
    if (!data->isEmpty()) {
        const double last = (data->constEnd() - 1)->key;
        if (samples >= last && samples < last * 1.01)
            data->remove(last);
    }
    appendCapped(estimate_, {samples}, {tally.estimate()}, kMaxPoints);
    redrawGuides();
}

void PiConvergenceChart::addCheckpoints(const std::vector<PiTally>& checkpoints) {
    for (std::size_t i = drawnCheckpoints_; i < checkpoints.size(); ++i)
        addTally(checkpoints[i]);
    drawnCheckpoints_ = std::max(drawnCheckpoints_, checkpoints.size());
}

void PiConvergenceChart::redrawGuides() {
    // Before the first point: a funnel over the decades a run usually covers. Then from a
    // little before the first point to the last, so no decade of the axis stays empty.
    const bool empty = estimate_->data()->isEmpty();
    const double last = empty ? 1e9 : (estimate_->data()->constEnd() - 1)->key;
    const double first =
        empty ? 1e3 : std::min(estimate_->data()->constBegin()->key / 2, last / 10);
    QVector<double> keys, upper, lower;
    constexpr int kSteps = 60;
    for (int i = 0; i <= kSteps; ++i) {
        const double n = first * std::pow(last / first, double(i) / kSteps);
        keys << n;
        upper << std::numbers::pi + 2 * sigmaAt(n);
        lower << std::numbers::pi - 2 * sigmaAt(n);
    }
    upper_->setData(keys, upper, true);
    lower_->setData(keys, lower, true);
    pi_->setData({first, last}, {std::numbers::pi, std::numbers::pi}, true);
    plot()->xAxis->setRange(first, last);
    // Zoom to where the estimate is: the funnel's middle, or wider if the estimate strays.
    double half = 2 * sigmaAt(std::sqrt(first * last));
    for (auto it = estimate_->data()->constBegin(); it != estimate_->data()->constEnd(); ++it)
        half = std::max(half, std::abs(it->value - std::numbers::pi) * 1.2);
    plot()->yAxis->setRange(std::numbers::pi - half, std::numbers::pi + half);
    replotSoon();
}

void PiConvergenceChart::reset() {
    estimate_->data()->clear();
    drawnCheckpoints_ = 0;
    redrawGuides();
}

} // namespace stampede
