#include "ui/lab/race/RaceBarChart.h"

#include <qcustomplot.h>

#include <algorithm>

namespace stampede {

RaceBarChart::RaceBarChart(const QString& title, const QString& valueLabel, const QColor& color,
                           QWidget* parent)
    : LiveChart(title, parent)
    , bars_(new QCPBars(plot()->xAxis, plot()->yAxis)) {
    plot()->yAxis->setLabel(valueLabel);
    plot()->xAxis->grid()->setVisible(false);
    bars_->setBrush(color);
    bars_->setPen(Qt::NoPen);
    bars_->setWidth(0.6);
    setMinimumSize(260, 200);
    reset();
}

void RaceBarChart::setBars(const QStringList& labels, const QVector<double>& values) {
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    QVector<double> keys;
    for (int i = 0; i < labels.size(); ++i) {
        keys << i + 1;
        ticker->addTick(i + 1, labels[i]);
    }
    plot()->xAxis->setTicker(ticker);
    bars_->setData(keys, values, true);
    plot()->xAxis->setRange(0.4, labels.size() + 0.6);
    const double highest = values.isEmpty() ? 0 : *std::max_element(values.begin(), values.end());
    plot()->yAxis->setRange(0, std::max(1.0, highest * 1.15));
    replotSoon();
}

void RaceBarChart::reset() {
    bars_->data()->clear();
    plot()->xAxis->setTicker(QSharedPointer<QCPAxisTickerText>::create());
    plot()->xAxis->setRange(0.4, 4.6);
    plot()->yAxis->setRange(0, 1);
    replotSoon();
}

} // namespace stampede
