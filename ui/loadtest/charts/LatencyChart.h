#pragma once

#include "core/engine/TimeSeriesRow.h"
#include "ui/widgets/LiveChart.h"

#include <QStringList>

#include <deque>
#include <optional>
#include <vector>

class QCPItemText;
class QComboBox;

namespace stampede {

class LatencyHistogram;

// Latency percentiles per second, and optionally the whole run's p99 with and without the
// coordinated-omission correction: the shaded band between them is the waiting a
// closed-loop measurement would have hidden. For a flow, a picker shows all steps together or
// one of them (its seconds from TimeSeriesRow::steps, its own run p99).
class LatencyChart : public LiveChart {
    Q_OBJECT
public:
    static constexpr int kMaxPoints = 3600;

    explicit LatencyChart(QWidget* parent = nullptr);

    void appendRows(const std::vector<TimeSeriesRow>& rows);
    // `uncorrected` is null in the closed model, where there is nothing to correct.
    void setOverall(const LatencyHistogram& corrected, const LatencyHistogram* uncorrected);
    // The run's p99 of each step so far (nothing for a step without a response yet).
    void setStepOverall(const std::vector<std::optional<double>>& p99Ms);
    void reset() override;

    // The steps of the flow about to run, by title; one step or none hides the picker.
    void setSteps(const QStringList& titles);
    // -1: all steps together, else the step drawn.
    int shownStep() const { return step_; }
    void showStep(int step);

    QCPGraph* p50Graph() const { return p50_; }
    QCPGraph* p90Graph() const { return p90_; }
    QCPGraph* p99Graph() const { return p99_; }
    QCPGraph* correctedLine() const { return corrected_; }
    QCPGraph* uncorrectedLine() const { return uncorrected_; }

private:
    void draw(const std::vector<TimeSeriesRow>& rows);
    void layOutReferenceLines();
    void rescale();

    QCPGraph* p50_;
    QCPGraph* p90_;
    QCPGraph* p99_;
    QCPGraph* corrected_;
    QCPGraph* uncorrected_;
    QCPItemText* gapLabel_;
    QComboBox* picker_;
    std::optional<double> correctedP99Ms_;
    std::optional<double> uncorrectedP99Ms_;
    std::vector<std::optional<double>> stepP99Ms_;
    int step_ = -1;
    // The seconds drawn so far, to draw again for another step (at most kMaxPoints).
    std::deque<TimeSeriesRow> rows_;
};

} // namespace stampede
