#include "ui/lab/queue/QueueWaitChart.h"

#include <qcustomplot.h>

#include <algorithm>

namespace stampede {

QueueWaitChart::QueueWaitChart(QWidget* parent)
    : LiveChart(tr("Threads waiting on the queue"), parent)
    , blocked_(addLine(tr("producers blocked (queue full)"), QColor(0xd6, 0x27, 0x28)))
    , waiting_(addLine(tr("consumers waiting (queue empty)"), QColor(0x1f, 0x77, 0xb4))) {
    for (QCPGraph* line : {blocked_, waiting_})
        line->setLineStyle(QCPGraph::lsStepLeft);
    plot()->xAxis->setLabel(tr("time since start (s)"));
    plot()->yAxis->setLabel(tr("threads"));
    auto whole = QSharedPointer<QCPAxisTickerFixed>::create();
    whole->setTickStep(1);
    whole->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
    plot()->yAxis->setTicker(whole);
    plot()->yAxis->setSubTicks(false);
    showLegendBelow();
    reset();
}

void QueueWaitChart::setSamples(const std::vector<QueueSample>& samples, double nowMs) {
    QVector<double> keys{0}, blocked{0}, waiting{0};
    for (const QueueSample& s : samples) {
        keys << s.ms / 1000;
        blocked << s.blockedProducers;
        waiting << s.waitingConsumers;
    }
    const double end = std::max({nowMs / 1000, keys.back(), 0.1});
    keys << end;
    blocked << blocked.back();
    waiting << waiting.back();
    blocked_->data()->clear();
    blocked_->addData(keys, blocked, true);
    waiting_->data()->clear();
    waiting_->addData(keys, waiting, true);
    const double top = std::max(*std::max_element(blocked.begin(), blocked.end()),
                                *std::max_element(waiting.begin(), waiting.end()));
    plot()->xAxis->setRange(0, end * 1.03);
    plot()->yAxis->setRange(0, std::max(top, 1.0) + 0.5);
    replotSoon();
}

void QueueWaitChart::reset() {
    blocked_->data()->clear();
    waiting_->data()->clear();
    plot()->xAxis->setRange(0, 1);
    plot()->yAxis->setRange(0, 2.5);
    replotSoon();
}

} // namespace stampede
