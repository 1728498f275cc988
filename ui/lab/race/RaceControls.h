#pragma once

#include "core/lab/race/RaceOptions.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QPushButton;
class QSpinBox;

namespace stampede {

class DemoButtons;

// The race demo's settings and buttons: threads, increments per thread, the mode, whether to
// run the size sweep and the wallet; Start, Stop and Reset.
class RaceControls : public QWidget {
    Q_OBJECT
public:
    explicit RaceControls(int cores, QWidget* parent = nullptr);

    RaceOptions options() const;
    void setBusy(bool busy);
    void setTraceAvailable(bool available);

signals:
    void startRequested();
    void stopRequested();
    void resetRequested();
    void traceRequested();

private:
    QSpinBox* threads_;
    QSpinBox* increments_;
    QComboBox* mode_;
    QCheckBox* sweep_;
    QCheckBox* wallet_;
    DemoButtons* buttons_;
};

} // namespace stampede
