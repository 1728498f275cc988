#pragma once

#include "core/engine/TimeSeriesRow.h"
#include "ui/widgets/LiveChart.h"

#include <vector>

namespace stampede {

// Requests per second over the run: successful and failed responses as separate lines,
// so an error burst stands out even while the total stays flat.
class ThroughputChart : public LiveChart {
    Q_OBJECT
public:
    static constexpr int kMaxPoints = 3600; // an hour at one row per second

    explicit ThroughputChart(QWidget* parent = nullptr);

    void appendRows(const std::vector<TimeSeriesRow>& rows);
    void reset() override;

    QCPGraph* okGraph() const { return ok_; }
    QCPGraph* errorGraph() const { return errors_; }

private:
    QCPGraph* ok_;
    QCPGraph* errors_;
};

} // namespace stampede
