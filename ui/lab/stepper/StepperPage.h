#pragma once

#include "core/lab/stepper/ScheduleEnumeration.h"
#include "core/lab/stepper/StepThreads.h"

#include <QList>
#include <QWidget>

#include <vector>

class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;
class QTableWidget;

namespace stampede {

// Stepping a race by hand: the program's threads side by side, each with its steps (the next
// one marked), its register and a button that lets it take one step; the shared counter and
// the locks; the schedule so far and where it ended. "All schedules" lists every
// interleaving with how it ends; double-click one to watch it replayed. app/ runs the real
// threads; the page only shows them and asks.
class StepperPage : public QWidget {
    Q_OBJECT
public:
    static constexpr int kMaxThreads = 3;

    explicit StepperPage(QWidget* parent = nullptr);

    QString programName() const;
    void showProgram(const StepProgram& program); // clears the steps taken
    void showState(const StepperSnapshot& state);
    void showSchedules(const StepProgram& program, const ScheduleCount& all);
    void showProblem(const QString& problem);
    void setReplaying(bool replaying);
    void setTraceAvailable(bool available);

signals:
    void programChosen();
    void stepRequested(int thread);
    void restartRequested();
    void allSchedulesRequested();
    void replayRequested(const QList<int>& schedule);
    void traceRequested();

private:
    struct ThreadPanel {
        QWidget* box = nullptr;
        QLabel* title = nullptr;
        QListWidget* steps = nullptr;
        QLabel* reg = nullptr;
        QPushButton* step = nullptr;
    };

    QWidget* buildThreads();
    QWidget* buildSchedules();

    QComboBox* program_;
    std::vector<ThreadPanel> panels_;
    QLabel* counter_;
    QLabel* locks_;
    QLabel* schedule_;
    QLabel* verdict_;
    QLabel* problem_;
    QPushButton* restart_;
    QPushButton* all_;
    QPushButton* trace_;
    QLabel* allSummary_;
    QTableWidget* table_;
    std::vector<std::vector<int>> listed_; // the table's schedules, row by row
    bool replaying_ = false;
};

} // namespace stampede
