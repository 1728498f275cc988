#pragma once

#include "core/lab/frozen/LoopLagMeter.h"
#include "ui/widgets/LiveChart.h"

#include <vector>

class QCPGraph;

namespace stampede {

// The window's event-loop lag: how late each 10 ms tick came, over the last seconds, with
// the 100 ms a person notices drawn as a line.
class LagChart : public LiveChart {
    Q_OBJECT
public:
    explicit LagChart(QWidget* parent = nullptr);

    void showLags(const std::vector<LagSample>& lags);
    void reset() override;
    QCPGraph* lagGraph() const { return lag_; }

private:
    QCPGraph* lag_;
    QCPGraph* noticeable_;
};

} // namespace stampede
