#pragma once

#include "core/lab/pi/AmdahlFit.h"
#include "core/lab/pi/PiSweepRow.h"
#include "ui/widgets/LiveChart.h"

#include <optional>
#include <vector>

class QCPGraph;

namespace stampede {

// The speed-up sweep: measured speed-up against threads, the ideal (one thread per core, so
// flat beyond the cores) and the Amdahl curve fitted to the measurements; with the global
// lock, its measured series beside them, flat at one.
class SpeedupChart : public LiveChart {
    Q_OBJECT
public:
    explicit SpeedupChart(QWidget* parent = nullptr);

    void showSweep(const std::vector<PiSweepRow>& rows, const std::optional<AmdahlFit>& fit,
                   int cores, int maxThreads);
    void reset() override;

    QCPGraph* measuredGraph() const { return measured_; }
    QCPGraph* lockedGraph() const { return locked_; }

private:
    QCPGraph* measured_;
    QCPGraph* locked_;
    QCPGraph* ideal_;
    QCPGraph* amdahl_;
};

} // namespace stampede
