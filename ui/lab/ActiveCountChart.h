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
    // What the chart says: the semaphore's words unless a page names its own count and limit.
    struct Texts {
        QString title;
        QString count; // the step line's legend
        QString limit; // the dashed line's legend
        QString axis;  // the count axis
    };

    explicit ActiveCountChart(QWidget* parent = nullptr);
    ActiveCountChart(const Texts& texts, QWidget* parent = nullptr);

    // Sample times in milliseconds; `nowMs` carries the last count on to the present.
    void setSamples(const std::vector<ActiveSample>& samples, int limit, double nowMs);
    // A count and a limit that both change over time: one value of each per time (seconds,
    // in order), carried on to `endSeconds`.
    void setSteps(const QVector<double>& seconds, const QVector<double>& counts,
                  const QVector<double>& limits, double endSeconds);
    void reset() override;

    QCPGraph* activeLine() const { return active_; }
    QCPGraph* limitLine() const { return limit_; }

private:
    QCPGraph* active_;
    QCPGraph* limit_;
};

} // namespace stampede
