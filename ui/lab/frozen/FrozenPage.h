#pragma once

#include "core/lab/frozen/FrozenDemo.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QSpinBox;

namespace stampede {

class HeartbeatView;
class LagChart;

// The frozen window: an animation and a clock that only move while this window's thread is
// free, its event-loop lag live, N and D, and two buttons that send the same N requests on
// this thread (blocking: the window freezes) or on the engine's thread (it does not); what
// each did stays shown beside the other. app/ sends the requests and measures the lag.
class FrozenPage : public QWidget {
    Q_OBJECT
public:
    explicit FrozenPage(QWidget* parent = nullptr);

    FrozenOptions options() const; // app/ adds the target's URL
    void setBusy(bool busy);
    void showLags(const std::vector<LagSample>& lags, double lastLagMs);
    void showResult(bool onTheWindow, const FrozenRun& run);
    void showProblem(const QString& problem);
    void setTraceAvailable(bool available);
    HeartbeatView* heartbeat() const { return heartbeat_; }

signals:
    void blockRequested();
    void engineRequested();
    void traceRequested();

private:
    QSpinBox* requests_;
    QSpinBox* delay_;
    QPushButton* block_;
    QPushButton* engine_;
    QPushButton* trace_;
    HeartbeatView* heartbeat_;
    QLabel* lagNow_;
    LagChart* lagChart_;
    QLabel* windowResult_;
    QLabel* engineResult_;
    QLabel* problem_;
};

} // namespace stampede
