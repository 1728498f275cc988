#pragma once

#include "core/engine/CurrentRate.h"
#include "core/plan/Plan.h"

#include <QByteArray>
#include <QList>
#include <QWidget>

#include <vector>

class QLabel;
class QProgressBar;
class QPushButton;
class QSplitter;
class QTabWidget;

namespace stampede {

class ErrorTable;
class HistogramChart;
class InFlightChart;
class LatencyChart;
class LiveChart;
class LoadTestForm;
class StatusCodeTable;
class RunSummaryTable;
class StatusChart;
class StepTable;
class ThroughputChart;
class TimelineChart;
struct RunReport;
struct RunSnapshot;

// The Load test workspace: the form, Start/Stop, progress, the live charts and the summary.
// It shows what it is given and asks, through signals, for a run to start or stop.
class LoadTestPage : public QWidget {
    Q_OBJECT
public:
    explicit LoadTestPage(QWidget* parent = nullptr);

    LoadTestForm* form() const { return form_; }
    // Every live chart, each of which can export itself.
    QList<LiveChart*> charts() const;
    TimelineChart* timeline() const { return timeline_; }

    // How the user laid the page out (the split between form and charts), to keep between
    // sessions; a state that does not fit this page is ignored.
    QByteArray saveState() const;
    bool restoreState(const QByteArray& state);

    void setStartAllowed(bool allowed);
    void runStarted();
    void showSnapshot(const RunSnapshot& snapshot);
    void runEnded(const RunReport& report);
    // A run that ended earlier (from the history or a result file), with all its charts and
    // tables as they were at its end; `title` says which run it is. Not while running.
    void showReport(const RunReport& report, const QString& title);
    bool running() const { return running_; }
    QString statusText() const;

signals:
    void startRequested();
    void stopRequested();
    void statusChanged(const QString& text);

private:
    void setRunning(bool running);
    // Empty charts and tables, laid out for a run of `steps`: a run starting, or one shown.
    void clearFor(const std::vector<Step>& steps);

    LoadTestForm* form_;
    QPushButton* start_;
    QPushButton* stop_;
    QProgressBar* progress_;
    QLabel* status_;
    RunSummaryTable* summary_;
    StatusCodeTable* statusTable_;
    ErrorTable* errorTable_;
    StepTable* stepTable_;
    QSplitter* splitter_;
    ThroughputChart* throughput_;
    LatencyChart* latency_;
    HistogramChart* histogram_;
    StatusChart* statusCodes_;
    InFlightChart* inFlight_;
    TimelineChart* timeline_;
    bool running_ = false;
    bool startAllowed_ = true;
    CurrentRate currentRate_;
};

} // namespace stampede
