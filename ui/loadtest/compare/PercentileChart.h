#pragma once

#include "ui/loadtest/compare/RunsChart.h"

namespace stampede {

// HdrHistogram's percentile plot of each run: latency against percentile on a 1/(1 − p) log
// axis labelled 50 %, 90 %, 99 %, 99.9 %, …, so the tail, where runs differ, spreads out
// instead of crowding the right edge. Drawn from the runs' full histograms.
class PercentileChart : public RunsChart {
    Q_OBJECT
public:
    explicit PercentileChart(QWidget* parent = nullptr);

    void setRuns(const std::vector<RunReport>& runs, const QStringList& names) override;
};

} // namespace stampede
