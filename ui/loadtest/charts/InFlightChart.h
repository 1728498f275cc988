#pragma once

#include "core/engine/TimeSeriesRow.h"
#include "ui/widgets/LiveChart.h"

#include <vector>

namespace stampede {

// Concurrency made visible: requests in flight and waiting in the backlog each second,
// beside what Little's law predicts from throughput and latency. When the measured line
// rises above the prediction, requests are queueing somewhere the latency does not show.
class InFlightChart : public LiveChart {
    Q_OBJECT
public:
    static constexpr int kMaxPoints = 3600;

    explicit InFlightChart(QWidget* parent = nullptr);

    void appendRows(const std::vector<TimeSeriesRow>& rows);
    void reset() override;

    QCPGraph* inFlightGraph() const { return inFlight_; }
    QCPGraph* backlogGraph() const { return backlog_; }
    QCPGraph* littleGraph() const { return little_; }

private:
    QCPGraph* inFlight_;
    QCPGraph* backlog_;
    QCPGraph* little_;
};

} // namespace stampede
