#pragma once

#include "core/lab/pi/PiSweep.h"
#include "ui/lab/pi/PiControls.h"

#include <QWidget>

class QLabel;

namespace stampede {

class PiConvergenceChart;
class PiRateChart;
class SpeedupChart;
struct PiProgress;

// The Monte Carlo π demo: its settings, Start/Stop/Reset and the sweep button, the live
// estimate, per-thread rates and the speed-up sweep, and the explanation. It only shows what
// app/ gives it and asks, through signals, for runs: an estimate, or the sweep.
class PiPage : public QWidget {
    Q_OBJECT
public:
    explicit PiPage(int cores, QWidget* parent = nullptr);

    PiOptions options() const { return controls_->options(); }
    void runStarted();
    void showProgress(const PiProgress& progress);
    void runEnded(const PiProgress& progress);

    // The sweep goes up to twice the cores, to show what oversubscription does.
    PiSweepOptions sweepOptions() const { return {options(), 2 * cores_}; }
    void sweepStarted();
    void showProgress(const PiSweepProgress& sweep);
    void runEnded(const PiSweepProgress& sweep);

    void showProblem(const QString& problem);
    void reset();

signals:
    void startRequested();
    void stopRequested();
    void resetRequested();
    void sweepRequested();
    void traceRequested();

private:
    QWidget* buildColumn();

    const int cores_;
    PiControls* controls_;
    QLabel* status_;
    QLabel* result_;
    QLabel* sweepResult_;
    PiConvergenceChart* convergence_;
    PiRateChart* rates_;
    SpeedupChart* speedup_;
};

} // namespace stampede
