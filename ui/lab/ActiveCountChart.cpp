#include "ui/lab/ActiveCountChart.h"

#include <qcustomplot.h>

#include <algorithm>

namespace stampede {

ActiveCountChart::ActiveCountChart(QWidget* parent)
    : ActiveCountChart(
          {tr("Jobs running at once"), tr("running"), tr("limit K"), tr("jobs running")}, parent) {}

ActiveCountChart::ActiveCountChart(const Texts& texts, QWidget* parent)
    : LiveChart(texts.title, parent)
    , active_(addLine(texts.count, QColor(0x2c, 0xa0, 0x2c)))
    , limit_(addLine(texts.limit, QColor(0xd6, 0x27, 0x28), true)) {
    active_->setLineStyle(QCPGraph::lsStepLeft);
    limit_->setLineStyle(QCPGraph::lsStepLeft);
    active_->setBrush(QColor(0x2c, 0xa0, 0x2c, 50));
    plot()->xAxis->setLabel(tr("time since start (s)"));
    plot()->yAxis->setLabel(texts.axis);
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
    QVector<double> seconds, counts, limits;
    for (const ActiveSample& s : samples) {
        seconds << s.ms / 1000;
        counts << s.active;
        limits << limit;
    }
    setSteps(seconds, counts, limits.isEmpty() ? QVector<double>{double(limit)} : limits,
             nowMs / 1000);
}

void ActiveCountChart::setSteps(const QVector<double>& seconds, const QVector<double>& counts,
                                const QVector<double>& limits, double endSeconds) {
    // Both lines start from nothing at zero, at the first limit.
    QVector<double> keys{0}, values{0}, limitValues{limits.isEmpty() ? 0 : limits.front()};
    keys << seconds;
    values << counts;
    limitValues << limits.mid(0, seconds.size());
    while (limitValues.size() < keys.size())
        limitValues << limitValues.back();
    const double end = std::max({endSeconds, keys.back(), 0.1});
    keys << end;
    values << values.back();
    limitValues << limitValues.back();
    active_->data()->clear();
    active_->addData(keys, values, true);
    limit_->data()->clear();
    limit_->addData(keys, limitValues, true);
    const double top = std::max(*std::max_element(values.begin(), values.end()),
                                *std::max_element(limitValues.begin(), limitValues.end()));
    plot()->xAxis->setRange(0, end * 1.03);
    plot()->yAxis->setRange(0, top + 1);
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
