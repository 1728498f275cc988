#pragma once

#include "core/lab/pi/PiOptions.h"

#include <QWidget>

class QCheckBox;
class QDoubleSpinBox;
class QPushButton;
class QSpinBox;

namespace stampede {

class DemoButtons;

// The π demo's settings and buttons: threads, samples, the accuracy target, chunk and seed;
// Start, Stop, Reset and the sweep. Busy greys out what a running job cannot change.
class PiControls : public QWidget {
    Q_OBJECT
public:
    explicit PiControls(int cores, QWidget* parent = nullptr);

    PiOptions options() const;
    void setBusy(bool busy);
    void setTraceAvailable(bool available);

signals:
    void startRequested();
    void stopRequested();
    void resetRequested();
    void sweepRequested();
    void traceRequested();

private:
    QSpinBox* threads_;
    QDoubleSpinBox* samples_;
    QCheckBox* useTarget_;
    QDoubleSpinBox* target_;
    QSpinBox* chunk_;
    QSpinBox* seed_;
    QCheckBox* gil_;
    DemoButtons* buttons_;
    QPushButton* sweep_;
};

} // namespace stampede
