#pragma once

#include "core/lab/semaphore/SemaphoreProgress.h"
#include "ui/widgets/LiveChart.h"

class QCPGraph;

namespace stampede {

// How many jobs run at each moment, as a step line, with the semaphore's limit dashed
// above it: the line touches the limit and never crosses it.
class ActiveCountChart : public LiveChart {
    Q_OBJECT
public:
    explicit ActiveCountChart(QWidget* parent = nullptr);

    // Sample times in milliseconds; `nowMs` carries the last count on to the present.
    void setSamples(const std::vector<ActiveSample>& samples, int limit, double nowMs);
    void reset() override;

    QCPGraph* activeLine() const { return active_; }
    QCPGraph* limitLine() const { return limit_; }

private:
    QCPGraph* active_;
    QCPGraph* limit_;
};

} // namespace stampede
