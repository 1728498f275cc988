#include "ui/lab/pi/PiRateChart.h"

#include "core/lab/pi/PiLaneFigures.h"

#include <qcustomplot.h>

#include <algorithm>

namespace stampede {

PiRateChart::PiRateChart(QWidget* parent)
    : LiveChart(tr("Samples per second, per thread"), parent)
    , bars_(new QCPBars(plot()->xAxis, plot()->yAxis)) {
    plot()->xAxis->setLabel(tr("thread"));
    plot()->yAxis->setLabel(tr("million samples / s"));
    plot()->xAxis->grid()->setVisible(false);
    bars_->setBrush(QColor(0x1f, 0x77, 0xb4));
    bars_->setPen(Qt::NoPen);
    bars_->setWidth(0.6);
    reset();
}

void PiRateChart::setLanes(const std::vector<PiLaneFigures>& lanes) {
    const int threads = int(lanes.size());
    if (threads != shownThreads_) {
        auto ticker = QSharedPointer<QCPAxisTickerText>::create();
        for (int i = 0; i < threads; ++i)
            ticker->addTick(i + 1, QStringLiteral("pi-%1").arg(i + 1));
        plot()->xAxis->setTicker(ticker);
        plot()->xAxis->setRange(0.4, threads + 0.6);
        shownThreads_ = threads;
    }
    QVector<double> keys, rates;
    double highest = 1;
    for (int i = 0; i < threads; ++i) {
        keys << i + 1;
        rates << lanes[i].samplesPerSecond() / 1e6;
        highest = std::max(highest, rates.back());
    }
    bars_->setData(keys, rates, true);
    // Only grows during a run, so the bars do not jump as the rates settle.
    plot()->yAxis->setRange(0, std::max(plot()->yAxis->range().upper, highest * 1.15));
    replotSoon();
}

void PiRateChart::reset() {
    bars_->data()->clear();
    shownThreads_ = -1;
    plot()->xAxis->setTicker(QSharedPointer<QCPAxisTickerText>::create());
    plot()->xAxis->setRange(0.4, 2.6);
    plot()->yAxis->setRange(0, 10);
    replotSoon();
}

} // namespace stampede
