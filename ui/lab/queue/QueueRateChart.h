#pragma once

#include "core/lab/queue/QueueProgress.h"
#include "ui/widgets/LiveChart.h"

#include <vector>

class QCPGraph;

namespace stampede {

// Items made and used per second over the run. In the long run the two meet at the slower
// side's pace, whatever the capacity: a queue smooths bursts, it does not add speed.
class QueueRateChart : public LiveChart {
    Q_OBJECT
public:
    explicit QueueRateChart(QWidget* parent = nullptr);

    void setRates(const std::vector<QueueRate>& rates, double nowMs);
    void reset() override;

    QCPGraph* producedLine() const { return produced_; }
    QCPGraph* consumedLine() const { return consumed_; }

private:
    QCPGraph* produced_;
    QCPGraph* consumed_;
};

} // namespace stampede
