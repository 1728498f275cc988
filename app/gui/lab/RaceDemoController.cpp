#include "app/gui/lab/RaceDemoController.h"

#include "core/lab/race/RaceExperiment.h"
#include "ui/lab/race/RacePage.h"

namespace stampede {

RaceDemoController::RaceDemoController(RacePage* page, QObject* parent)
    : QObject(parent)
    , page_(page) {
    timer_.setInterval(100);
    connect(&timer_, &QTimer::timeout, this, &RaceDemoController::poll);
    connect(page_, &RacePage::startRequested, this, &RaceDemoController::start);
    connect(page_, &RacePage::resetRequested, this, &RaceDemoController::reset);
}

// The experiment's destructor requests a stop and joins; its loops check every 65 536 steps.
RaceDemoController::~RaceDemoController() = default;

void RaceDemoController::start() {
    if (busy())
        return;
    const RaceSettings settings = page_->settings();
    if (const auto problem = settings.problem()) {
        page_->showProblem(QString::fromStdString(*problem));
        return;
    }
    experiment_ = std::make_unique<RaceExperiment>(settings);
    page_->runStarted();
    timer_.start();
}

void RaceDemoController::reset() {
    timer_.stop();
    experiment_.reset();
    page_->reset();
}

void RaceDemoController::poll() {
    const RaceReport report = experiment_->report();
    if (!report.finished) {
        page_->showReport(report);
        return;
    }
    timer_.stop();
    experiment_.reset();
    page_->runEnded(report);
}

} // namespace stampede
