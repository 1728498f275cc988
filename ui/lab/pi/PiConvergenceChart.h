#pragma once

#include "ui/widgets/LiveChart.h"

#include <cstddef>
#include <vector>

class QCPGraph;

namespace stampede {

struct PiTally;

// The estimate against samples drawn (log scale), with π and the funnel π ± 2σ(n) that 95 %
// of estimates fall in: it narrows as 1/√n, ten times tighter for every hundred times more.
class PiConvergenceChart : public LiveChart {
    Q_OBJECT
public:
    static constexpr int kMaxPoints = 2000;

    explicit PiConvergenceChart(QWidget* parent = nullptr);

    // A point on the curve; one within 1 % of the last point's samples replaces it, as the two
    // would sit on one another on the log axis: a long run keeps its early points in the cap.
    void addTally(const PiTally& tally);
    // A run's early points (PiProgress::checkpoints), growing from poll to poll: adds the new.
    void addCheckpoints(const std::vector<PiTally>& checkpoints);
    void reset() override;

    QCPGraph* estimateGraph() const { return estimate_; }

private:
    void redrawGuides();

    QCPGraph* estimate_;
    QCPGraph* pi_;
    QCPGraph* upper_;
    QCPGraph* lower_;
    std::size_t drawnCheckpoints_ = 0;
};

} // namespace stampede
