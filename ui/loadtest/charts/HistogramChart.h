#pragma once

#include "ui/widgets/LiveChart.h"

#include <array>

class QCPBars;
class QCPItemStraightLine;
class QCPItemText;

namespace stampede {

class LatencyHistogram;

// How latencies are distributed, on a logarithmic time axis so that a fast bulk and a slow
// tail are both visible, with the usual percentiles marked.
class HistogramChart : public LiveChart {
    Q_OBJECT
public:
    static constexpr int kMaxBars = 200;

    explicit HistogramChart(QWidget* parent = nullptr);

    // Redraws from scratch: a snapshot's histogram already holds the whole run.
    void setHistogram(const LatencyHistogram& histogram);
    void reset() override;

    QCPBars* bars() const { return bars_; }

private:
    struct Marker {
        double quantile;
        const char* name;
        QCPItemStraightLine* line;
        QCPItemText* label;
    };

    QCPBars* bars_;
    std::array<Marker, 4> markers_;
};

} // namespace stampede
