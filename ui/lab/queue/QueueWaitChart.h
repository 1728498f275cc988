#pragma once

#include "core/lab/queue/BoundedQueue.h"
#include "ui/widgets/LiveChart.h"

#include <vector>

class QCPGraph;

namespace stampede {

// Who waits on the queue at each moment, as two step lines: producers blocked because it is
// full, consumers waiting because it is empty. Seldom both at once: that is the point.
class QueueWaitChart : public LiveChart {
    Q_OBJECT
public:
    explicit QueueWaitChart(QWidget* parent = nullptr);

    // Sample times in milliseconds; `nowMs` carries the last counts on to the present.
    void setSamples(const std::vector<QueueSample>& samples, double nowMs);
    void reset() override;

    QCPGraph* blockedLine() const { return blocked_; }
    QCPGraph* waitingLine() const { return waiting_; }

private:
    QCPGraph* blocked_;
    QCPGraph* waiting_;
};

} // namespace stampede
