#pragma once

#include "core/engine/TimeSeriesRow.h"
#include "ui/widgets/LiveChart.h"

#include <optional>
#include <vector>

class QCPItemText;

namespace stampede {

class LatencyHistogram;

// Latency percentiles per second, and optionally the whole run's p99 with and without the
// coordinated-omission correction: the shaded band between them is the waiting a
// closed-loop measurement would have hidden.
class LatencyChart : public LiveChart {
    Q_OBJECT
public:
    static constexpr int kMaxPoints = 3600;

    explicit LatencyChart(QWidget* parent = nullptr);

    void appendRows(const std::vector<TimeSeriesRow>& rows);
    // `uncorrected` is null in the closed model, where there is nothing to correct.
    void setOverall(const LatencyHistogram& corrected, const LatencyHistogram* uncorrected);
    void reset() override;

    QCPGraph* p50Graph() const { return p50_; }
    QCPGraph* p90Graph() const { return p90_; }
    QCPGraph* p99Graph() const { return p99_; }
    QCPGraph* correctedLine() const { return corrected_; }
    QCPGraph* uncorrectedLine() const { return uncorrected_; }

private:
    void layOutReferenceLines();
    void rescale();

    QCPGraph* p50_;
    QCPGraph* p90_;
    QCPGraph* p99_;
    QCPGraph* corrected_;
    QCPGraph* uncorrected_;
    QCPItemText* gapLabel_;
    std::optional<double> correctedP99Ms_;
    std::optional<double> uncorrectedP99Ms_;
};

} // namespace stampede
