#pragma once

#include "core/lab/pi/AmdahlFit.h"
#include "core/lab/pi/PiSweepRow.h"
#include "ui/lab/pi/PiControls.h"

#include <QWidget>

#include <optional>
#include <vector>

class QLabel;

namespace stampede {

class PiConvergenceChart;
class PiRateChart;
class SpeedupChart;
struct PiProgress;

// The Monte Carlo π demo: its settings, Start/Stop/Reset and the sweep button, the live
// estimate, per-thread rates and the speed-up sweep, and the explanation. It only shows what
// app/ gives it and asks, through signals, for runs.
class PiPage : public QWidget {
    Q_OBJECT
public:
    explicit PiPage(int cores, QWidget* parent = nullptr);

    PiSettings settings() const { return controls_->settings(); }
    // The sweep goes up to twice the cores, to show what oversubscription does.
    int sweepThreads() const { return 2 * cores_; }

    void runStarted();
    void showProgress(const PiProgress& progress);
    void runEnded(const PiProgress& progress);
    void sweepStarted();
    void showSweep(const std::vector<PiSweepRow>& rows, const std::optional<AmdahlFit>& fit);
    void sweepEnded(const std::vector<PiSweepRow>& rows, const std::optional<AmdahlFit>& fit);
    void showProblem(const QString& problem);
    void reset();

    QPushButton* startButton() const { return controls_->startButton(); }
    QPushButton* stopButton() const { return controls_->stopButton(); }
    QPushButton* resetButton() const { return controls_->resetButton(); }
    QPushButton* sweepButton() const { return controls_->sweepButton(); }
    QSpinBox* threadsBox() const { return controls_->threadsBox(); }
    QDoubleSpinBox* samplesBox() const { return controls_->samplesBox(); }
    QString resultText() const;
    QString sweepText() const;
    PiConvergenceChart* convergenceChart() const { return convergence_; }
    PiRateChart* rateChart() const { return rates_; }
    SpeedupChart* speedupChart() const { return speedup_; }

signals:
    void startRequested();
    void stopRequested();
    void resetRequested();
    void sweepRequested();

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
