#include "ui/lab/queue/QueueRateChart.h"

#include <qcustomplot.h>

#include <algorithm>

namespace stampede {

QueueRateChart::QueueRateChart(QWidget* parent)
    : LiveChart(tr("Throughput"), parent)
    , produced_(addLine(tr("produced per second"), QColor(0xff, 0x7f, 0x0e)))
    , consumed_(addLine(tr("consumed per second"), QColor(0x2c, 0xa0, 0x2c))) {
    plot()->xAxis->setLabel(tr("time since start (s)"));
    plot()->yAxis->setLabel(tr("items/s"));
    showLegendBelow();
    reset();
}

void QueueRateChart::setRates(const std::vector<QueueRate>& rates, double nowMs) {
    QVector<double> keys, produced, consumed;
    double top = 1;
    for (const QueueRate& r : rates) {
        keys << r.ms / 1000;
        produced << r.producedPerSecond;
        consumed << r.consumedPerSecond;
        top = std::max({top, r.producedPerSecond, r.consumedPerSecond});
    }
    produced_->data()->clear();
    produced_->addData(keys, produced, true);
    consumed_->data()->clear();
    consumed_->addData(keys, consumed, true);
    plot()->xAxis->setRange(0, std::max(nowMs / 1000, 0.1) * 1.03);
    plot()->yAxis->setRange(0, top * 1.15);
    replotSoon();
}

void QueueRateChart::reset() {
    produced_->data()->clear();
    consumed_->data()->clear();
    plot()->xAxis->setRange(0, 1);
    plot()->yAxis->setRange(0, 10);
    replotSoon();
}

} // namespace stampede
