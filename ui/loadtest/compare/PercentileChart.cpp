#include "ui/loadtest/compare/PercentileChart.h"

#include "core/engine/RunSnapshot.h"
#include "core/stats/PercentileCurve.h"

#include <qcustomplot.h>

#include <algorithm>

namespace stampede {

PercentileChart::PercentileChart(QWidget* parent)
    : RunsChart(tr("Latency by percentile"), parent) {
    plot()->xAxis->setLabel(tr("percentile"));
    plot()->yAxis->setLabel(tr("latency (ms)"));
    plot()->xAxis->setScaleType(QCPAxis::stLogarithmic);
    // Ticks at 1/(1 - p) = 2 and 10^k: the median and the nines, as HdrHistogram labels them
    // (no 0 % at the left edge, where it would run into the 50 %).
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    ticker->addTick(2, QStringLiteral("50%"));
    ticker->addTick(10, QStringLiteral("90%"));
    ticker->addTick(100, QStringLiteral("99%"));
    ticker->addTick(1e3, QStringLiteral("99.9%"));
    ticker->addTick(1e4, QStringLiteral("99.99%"));
    ticker->addTick(1e5, QStringLiteral("99.999%"));
    ticker->addTick(1e6, QStringLiteral("99.9999%"));
    plot()->xAxis->setTicker(ticker);
    plot()->xAxis->grid()->setSubGridVisible(false);
    showLegendBelow();
    plot()->legend->setWrap(2); // two runs a row: names are long, four runs fit two rows
    setEmptyRange(1, 1e3);
    reset();
}

void PercentileChart::setRuns(const std::vector<RunReport>& runs, const QStringList& names) {
    reset();
    double right = 10, top = 1;
    for (std::size_t i = 0; i < runs.size(); ++i) {
        QCPGraph* graph = addRunLine(i, names.value(int(i)));
        QVector<double> tail, ms;
        for (const PercentilePoint& point : percentileCurve(runs[i].final.latency)) {
            tail << point.tailFactor();
            ms << point.ms;
        }
        graph->setData(tail, ms, true);
        if (!tail.isEmpty()) {
            right = std::max(right, tail.back());
            top = std::max(top, *std::max_element(ms.begin(), ms.end()));
        }
    }
    plot()->xAxis->setRange(1, right * 1.3);
    plot()->yAxis->setRange(0, top * 1.1);
    replotSoon();
}

} // namespace stampede
