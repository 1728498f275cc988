#include "ui/loadtest/compare/HistogramOverlayChart.h"

#include "core/engine/RunSnapshot.h"
#include "core/stats/LogBins.h"

#include <qcustomplot.h>

#include <algorithm>

namespace stampede {

HistogramOverlayChart::HistogramOverlayChart(QWidget* parent)
    : RunsChart(tr("Latency distribution"), parent) {
    plot()->xAxis->setLabel(tr("latency (ms, log scale)"));
    plot()->yAxis->setLabel(tr("share of the run's requests (%)"));
    plot()->xAxis->setScaleType(QCPAxis::stLogarithmic);
    plot()->xAxis->setNumberFormat(QStringLiteral("gb"));
    plot()->xAxis->setNumberPrecision(6);
    auto ticker = QSharedPointer<QCPAxisTickerLog>::create();
    ticker->setSubTickCount(8);
    plot()->xAxis->setTicker(ticker);
    showLegendBelow();
    plot()->legend->setWrap(2); // two runs a row: names are long, four runs fit two rows
    setEmptyRange(0.1, 1000);
    reset();
}

void HistogramOverlayChart::setRuns(const std::vector<RunReport>& runs, const QStringList& names) {
    reset();
    std::vector<const LatencyHistogram*> histograms;
    for (const RunReport& run : runs)
        histograms.push_back(&run.final.latency);
    const auto range = occupiedRange(histograms);
    double top = 1, binFactor = 1;
    for (std::size_t i = 0; i < runs.size(); ++i) {
        QCPGraph* graph = addRunLine(i, names.value(int(i)));
        graph->setLineStyle(QCPGraph::lsStepCenter);
        const double total = double(histograms[i]->count());
        if (!range || total == 0)
            continue;
        // The same bins for every run (one range), so their steps line up.
        const LogBins bins = logBins(*histograms[i], *range, kMaxBins);
        QVector<double> keys, shares;
        for (std::size_t b = 0; b < bins.counts.size(); ++b) {
            keys << bins.centresMs[b];
            shares << 100.0 * bins.counts[b] / total;
        }
        graph->setData(keys, shares, true);
        top = std::max(top, *std::max_element(shares.begin(), shares.end()));
        binFactor = bins.binFactor();
    }
    if (range)
        plot()->xAxis->setRange(range->lower / binFactor / 1000.0,
                                range->upper * binFactor / 1000.0);
    plot()->yAxis->setRange(0, top * 1.1);
    replotSoon();
}

} // namespace stampede
