#pragma once

#include "app/gui/lab/LatestTrace.h"
#include "core/lab/stepper/StepThreads.h"

#include <QObject>
#include <QTimer>

#include <memory>
#include <vector>

namespace stampede {

class StepperPage;

// Runs the stepper page's real threads: a StepThreads per program, made at the first step and
// dropped on Start over or a new program (its threads wait for grants: they join at once). A Step
// button grants one step and returns; a short poll shows the state once the thread has taken it, so
// the GUI thread never waits on a step. A replay grants one step every kReplayMs.
class StepperController : public QObject {
    Q_OBJECT
public:
    static constexpr int kReplayMs = 400;

    explicit StepperController(StepperPage* page, QObject* parent = nullptr);

    LatestTrace* latestTrace() const { return trace_; }
    bool replaying() const { return !replay_.empty(); }
    // No granted step is waiting to be taken (what a test waits for).
    bool idle() const;

private:
    void restart();
    void step(int thread);
    void poll();
    void replayNext();

    StepperPage* page_;
    LatestTrace* trace_;
    std::unique_ptr<StepThreads> threads_;
    QTimer poll_;
    QTimer replayTimer_;
    std::vector<int> replay_; // steps still to grant, first at the back
};

} // namespace stampede
