#include "ui/lab/frozen/LagChart.h"

#include <qcustomplot.h>

#include <algorithm>

namespace stampede {

LagChart::LagChart(QWidget* parent)
    : LiveChart(tr("Event-loop lag of this window"), parent)
    , lag_(addLine(tr("how late the 10 ms timer came"), QColor(0xd6, 0x27, 0x28)))
    , noticeable_(addLine(tr("100 ms: a person notices"), QColor(0x30, 0x30, 0x30), true)) {
    plot()->xAxis->setLabel(tr("seconds"));
    plot()->yAxis->setLabel(tr("lag (ms)"));
    lag_->setLineStyle(QCPGraph::lsStepLeft);
    showLegendBelow();
    reset();
}

void LagChart::showLags(const std::vector<LagSample>& lags) {
    QVector<double> keys, values;
    double highest = 150;
    for (const LagSample& s : lags) {
        keys << s.atMs / 1000.0;
        values << s.lagMs;
        highest = std::max(highest, s.lagMs * 1.1);
    }
    lag_->setData(keys, values, true);
    const double end = keys.isEmpty() ? 1.0 : std::max(1.0, keys.back());
    noticeable_->setData({0, end}, {100, 100}, true);
    plot()->xAxis->setRange(0, end);
    plot()->yAxis->setRange(0, highest);
    replotSoon();
}

void LagChart::reset() {
    lag_->data()->clear();
    noticeable_->setData({0, 1}, {100, 100}, true);
    plot()->xAxis->setRange(0, 1);
    plot()->yAxis->setRange(0, 150);
    replotSoon();
}

} // namespace stampede
