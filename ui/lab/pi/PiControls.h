#pragma once

#include "core/lab/pi/PiSettings.h"

#include <QWidget>

class QCheckBox;
class QDoubleSpinBox;
class QPushButton;
class QSpinBox;

namespace stampede {

// The π demo's settings and buttons: threads, samples, the accuracy target, chunk and seed;
// Start, Stop, Reset and the sweep. Busy greys out what a running job cannot change.
class PiControls : public QWidget {
    Q_OBJECT
public:
    explicit PiControls(int cores, QWidget* parent = nullptr);

    PiSettings settings() const;
    void setBusy(bool busy);

    QPushButton* startButton() const { return start_; }
    QPushButton* stopButton() const { return stop_; }
    QPushButton* resetButton() const { return reset_; }
    QPushButton* sweepButton() const { return sweep_; }
    QSpinBox* threadsBox() const { return threads_; }
    QDoubleSpinBox* samplesBox() const { return samples_; }

signals:
    void startRequested();
    void stopRequested();
    void resetRequested();
    void sweepRequested();

private:
    QSpinBox* threads_;
    QDoubleSpinBox* samples_;
    QCheckBox* useTarget_;
    QDoubleSpinBox* target_;
    QSpinBox* chunk_;
    QSpinBox* seed_;
    QPushButton* start_;
    QPushButton* stop_;
    QPushButton* reset_;
    QPushButton* sweep_;
};

} // namespace stampede
