#include "ui/lab/ActiveCountChart.h"

#include <qcustomplot.h>

#include <algorithm>

namespace stampede {

ActiveCountChart::ActiveCountChart(QWidget* parent)
    : LiveChart(tr("Jobs running at once"), parent)
    , active_(addLine(tr("running"), QColor(0x2c, 0xa0, 0x2c)))
    , limit_(addLine(tr("limit K"), QColor(0xd6, 0x27, 0x28), true)) {
    active_->setLineStyle(QCPGraph::lsStepLeft);
    active_->setBrush(QColor(0x2c, 0xa0, 0x2c, 50));
    plot()->xAxis->setLabel(tr("time since start (s)"));
    plot()->yAxis->setLabel(tr("jobs running"));
    auto whole = QSharedPointer<QCPAxisTickerFixed>::create();
    whole->setTickStep(1);
    whole->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
    plot()->yAxis->setTicker(whole);
    plot()->yAxis->setSubTicks(false);
    showLegendBelow();
    reset();
}

void ActiveCountChart::setSamples(const std::vector<ActiveSample>& samples, int limit,
                                  double nowMs) {
    QVector<double> keys{0}, values{0};
    for (const ActiveSample& s : samples) {
        keys << s.ms / 1000;
        values << s.active;
    }
    const double end = std::max({nowMs / 1000, keys.back(), 0.1});
    keys << end;
    values << values.back();
    active_->data()->clear();
    active_->addData(keys, values, true);
    limit_->data()->clear();
    limit_->addData({0, end}, {double(limit), double(limit)}, true);
    plot()->xAxis->setRange(0, end * 1.03);
    plot()->yAxis->setRange(0, limit + 1);
    replotSoon();
}

void ActiveCountChart::reset() {
    active_->data()->clear();
    limit_->data()->clear();
    plot()->xAxis->setRange(0, 1);
    plot()->yAxis->setRange(0, 4);
    replotSoon();
}

} // namespace stampede
