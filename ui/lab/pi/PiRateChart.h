#pragma once

#include "ui/widgets/LiveChart.h"

#include <vector>

class QCPBars;

namespace stampede {

struct PiLaneFigures;

// Samples per second of each worker thread, one bar per thread: equal bars mean the work
// split evenly and no thread waited on another.
class PiRateChart : public LiveChart {
    Q_OBJECT
public:
    explicit PiRateChart(QWidget* parent = nullptr);

    void setLanes(const std::vector<PiLaneFigures>& lanes);
    void reset() override;

    QCPBars* bars() const { return bars_; }

private:
    QCPBars* bars_;
    int shownThreads_ = -1;
};

} // namespace stampede
