#pragma once

#include "ui/loadtest/compare/RunsChart.h"

namespace stampede {

// Requests per second over each run, one line per run from its start: whether one run
// sustained its rate, warmed up slower or collapsed halfway, which the totals hide.
class ThroughputOverlayChart : public RunsChart {
    Q_OBJECT
public:
    explicit ThroughputOverlayChart(QWidget* parent = nullptr);

    void setRuns(const std::vector<RunReport>& runs, const QStringList& names) override;
};

} // namespace stampede
