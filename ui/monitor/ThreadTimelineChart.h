#pragma once

#include "core/monitor/ThreadLane.h"
#include "ui/widgets/LiveChart.h"

#include <vector>

class QCPColorMap;

namespace stampede {

// One lane per thread over the last half minute, green while it ran and grey while it slept:
// four busy `pi-N` lanes next to a sleeping `gui` lane teach more than any CPU total.
class ThreadTimelineChart : public LiveChart {
    Q_OBJECT
public:
    static constexpr double kWindowSeconds = 30.0;
    static constexpr double kCellSeconds = 0.25; // finer than any sampling period we use

    explicit ThreadTimelineChart(QWidget* parent = nullptr);

    // `now` is the end of the newest sample, on the sampler's clock.
    void showLanes(const std::vector<ThreadLane>& lanes, double now);
    void reset() override;

    int laneCount() const { return laneCount_; }
    QCPColorMap* cells() const { return cells_; }
    // The state drawn for lane `lane` at time `seconds`: 1 running, 0 sleeping, NaN none.
    double cellAt(int lane, double seconds) const;

private:
    void fitHeightToLanes();

    QCPColorMap* cells_;
    int laneCount_ = 0;
};

} // namespace stampede
