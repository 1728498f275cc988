#pragma once

#include "ui/widgets/LiveChart.h"

#include <vector>

namespace stampede {

// Utilisation of every core over the last minute, one line per core: shows whether a demo
// really spreads over the cores or queues on one.
class CoreLoadChart : public LiveChart {
    Q_OBJECT
public:
    static constexpr double kWindowSeconds = 60.0;
    static constexpr int kMaxPoints = 600;    // a minute at up to 10 samples per second
    static constexpr int kMaxLegendCores = 8; // beyond, the legend would outgrow the chart

    explicit CoreLoadChart(QWidget* parent = nullptr);

    // `seconds` on the sampler's clock; `busyPercent` indexed by core.
    void appendSample(double seconds, const std::vector<double>& busyPercent);
    void reset() override;

    int coreCount() const;

private:
    void makeCoreLines(std::size_t cores);
};

} // namespace stampede
