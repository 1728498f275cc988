#pragma once

#include "ui/loadtest/compare/RunsChart.h"

namespace stampede {

// Each run's latency distribution as a step line on one logarithmic time axis, in shares of
// its own requests, so runs of different lengths compare by shape: a second mode, a wider
// spread, a shifted bulk.
class HistogramOverlayChart : public RunsChart {
    Q_OBJECT
public:
    static constexpr int kMaxBins = 160;

    explicit HistogramOverlayChart(QWidget* parent = nullptr);

    void setRuns(const std::vector<RunReport>& runs, const QStringList& names) override;
};

} // namespace stampede
