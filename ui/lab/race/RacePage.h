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

    RaceOptions options() const { return controls_->options(); }

    void runStarted();
    void showProgress(const RaceReport& report);
    void runEnded(const RaceReport& report);
    void showProblem(const QString& problem);
    void reset();

signals:
    void startRequested();
    void stopRequested();
    void resetRequested();
    void traceRequested();

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
