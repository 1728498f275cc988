#pragma once

#include "ui/lab/race/RaceControls.h"
#include "ui/lab/race/RaceTable.h"

#include <QWidget>

class QLabel;
class QLayout;

namespace stampede {

class RaceBarChart;
struct RaceReport;

// The race-condition demo: threads, increments and mode; a table and bars of expected vs actual
// per mode, the size sweep, the wallet, and the explanation. Shows what app/ hands it.
class RacePage : public QWidget {
    Q_OBJECT
public:
    explicit RacePage(int cores, QWidget* parent = nullptr);

    RaceSettings settings() const { return controls_->settings(); }

    void runStarted();
    void showReport(const RaceReport& report);
    void runEnded(const RaceReport& report);
    void showProblem(const QString& problem);
    void reset();

    QPushButton* startButton() const { return controls_->startButton(); }
    QPushButton* resetButton() const { return controls_->resetButton(); }
    QSpinBox* incrementsBox() const { return controls_->incrementsBox(); }
    QCheckBox* sweepBox() const { return controls_->sweepBox(); }
    QCheckBox* walletBox() const { return controls_->walletBox(); }
    QTableWidget* modesTable() const { return modes_; }
    QTableWidget* sweepTable() const { return sweepTable_; }
    QString walletText() const;
    QString statusText() const;
    RaceBarChart* lostChart() const { return lostChart_; }
    RaceBarChart* timeChart() const { return timeChart_; }

signals:
    void startRequested();
    void resetRequested();

private:
    QWidget* buildColumn();
    QLayout* buildResults();

    RaceControls* controls_;
    QLabel* status_;
    QLabel* walletResult_;
    RaceTable* modes_;
    RaceTable* sweepTable_;
    RaceBarChart* lostChart_;
    RaceBarChart* timeChart_;
};

} // namespace stampede
