#include "app/gui/lab/StepperController.h"

#include "core/lab/stepper/ScheduleEnumeration.h"
#include "core/lab/stepper/StepperTrace.h"
#include "ui/lab/stepper/StepperPage.h"

#include <algorithm>

namespace stampede {

StepperController::StepperController(StepperPage* page, QObject* parent)
    : QObject(parent)
    , page_(page)
    , trace_(new LatestTrace(this)) {
    poll_.setInterval(5);
    replayTimer_.setInterval(kReplayMs);
    connect(&poll_, &QTimer::timeout, this, &StepperController::poll);
    connect(&replayTimer_, &QTimer::timeout, this, &StepperController::replayNext);
    connect(page_, &StepperPage::programChosen, this, &StepperController::restart);
    connect(page_, &StepperPage::restartRequested, this, &StepperController::restart);
    connect(page_, &StepperPage::stepRequested, this, &StepperController::step);
    connect(page_, &StepperPage::traceRequested, this, [this] { trace_->save(page_); });
    connect(page_, &StepperPage::allSchedulesRequested, this, [this] {
        // At most 1680 schedules (three threads): milliseconds, here on the GUI thread.
        const auto program = stepProgram(page_->programName().toStdString());
        if (program)
            page_->showSchedules(*program, enumerateSchedules(*program));
    });
    connect(page_, &StepperPage::replayRequested, this, [this](const QList<int>& schedule) {
        restart();
        replay_.assign(schedule.rbegin(), schedule.rend());
        page_->setReplaying(true);
        replayTimer_.start();
        replayNext();
    });
    restart();
}

bool StepperController::idle() const {
    return !threads_ || !threads_->snapshot().pending;
}

void StepperController::restart() {
    replay_.clear();
    replayTimer_.stop();
    poll_.stop();
    page_->setReplaying(false);
    const auto program = stepProgram(page_->programName().toStdString());
    if (!program)
        return;
    // Its threads wait for a grant: they end at once. New ones start with the first step, so
    // the Threads & CPU dock shows step-N only once they have something to do.
    threads_.reset();
    trace_->clear();
    page_->setTraceAvailable(false);
    page_->showProgram(*program);
    page_->showState({StepMachine(*program), {}, false});
}

void StepperController::step(int thread) {
    if (!threads_) {
        const auto program = stepProgram(page_->programName().toStdString());
        if (!program)
            return;
        threads_ = std::make_unique<StepThreads>(*program);
        // Made when saved, from what the threads have done by then: never a step behind.
        trace_->set(
            [this] {
                const StepperSnapshot s = threads_->snapshot();
                return stepperTrace(s.model.program(), s.records);
            },
            QStringLiteral("stepper-trace.json"));
    }
    if (const auto why = threads_->grant(thread)) {
        page_->showProblem(QString::fromStdString(*why));
        return;
    }
    page_->showState(threads_->snapshot()); // the buttons wait while the step is in flight
    page_->setTraceAvailable(true);
    poll_.start();
}

void StepperController::poll() {
    const StepperSnapshot snapshot = threads_->snapshot();
    if (snapshot.pending)
        return;
    poll_.stop();
    page_->showState(snapshot);
}

void StepperController::replayNext() {
    if (replay_.empty()) {
        replayTimer_.stop();
        page_->setReplaying(false);
        if (threads_)
            page_->showState(threads_->snapshot());
        return;
    }
    if (threads_ && threads_->snapshot().pending)
        return; // the last step is still being taken: next tick
    const int thread = replay_.back();
    replay_.pop_back();
    step(thread);
}

} // namespace stampede
