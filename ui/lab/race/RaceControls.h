#pragma once

#include "core/lab/race/RaceSettings.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QPushButton;
class QSpinBox;

namespace stampede {

// The race demo's settings and buttons: threads, increments per thread, the mode, whether to
// run the size sweep and the wallet; Start and Reset.
class RaceControls : public QWidget {
    Q_OBJECT
public:
    explicit RaceControls(int cores, QWidget* parent = nullptr);

    RaceSettings settings() const;

    QPushButton* startButton() const { return start_; }
    QPushButton* resetButton() const { return reset_; }
    QSpinBox* incrementsBox() const { return increments_; }
    QCheckBox* sweepBox() const { return sweep_; }
    QCheckBox* walletBox() const { return wallet_; }

signals:
    void startRequested();
    void resetRequested();

private:
    QSpinBox* threads_;
    QSpinBox* increments_;
    QComboBox* mode_;
    QCheckBox* sweep_;
    QCheckBox* wallet_;
    QPushButton* start_;
    QPushButton* reset_;
};

} // namespace stampede
