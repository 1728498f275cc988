#include "app/gui/lab/PiDemoController.h"

#include "core/lab/pi/PiEstimator.h"
#include "core/lab/pi/PiSweep.h"
#include "ui/lab/pi/PiPage.h"

namespace stampede {

PiDemoController::PiDemoController(PiPage* page, QObject* parent)
    : QObject(parent)
    , page_(page) {
    timer_.setInterval(100);
    connect(&timer_, &QTimer::timeout, this, &PiDemoController::poll);
    connect(page_, &PiPage::startRequested, this, &PiDemoController::start);
    connect(page_, &PiPage::sweepRequested, this, &PiDemoController::startSweep);
    connect(page_, &PiPage::stopRequested, this, &PiDemoController::stop);
    connect(page_, &PiPage::resetRequested, this, &PiDemoController::reset);
}

// The members' destructors request a stop and join: workers check it once per chunk.
PiDemoController::~PiDemoController() = default;

void PiDemoController::start() {
    if (busy())
        return;
    const PiSettings settings = page_->settings();
    if (const auto problem = settings.problem()) {
        page_->showProblem(QString::fromStdString(*problem));
        return;
    }
    estimator_ = std::make_unique<PiEstimator>(settings);
    page_->runStarted();
    timer_.start();
}

void PiDemoController::startSweep() {
    if (busy())
        return;
    PiSettings settings = page_->settings();
    settings.targetError.reset();
    if (const auto problem = settings.problem()) {
        page_->showProblem(QString::fromStdString(*problem));
        return;
    }
    sweep_ = std::make_unique<PiSweep>(settings, page_->sweepThreads());
    shownRows_ = 0;
    page_->sweepStarted();
    timer_.start();
}

void PiDemoController::stop() {
    // Only asks; the next poll sees the workers finish and reports it.
    if (estimator_)
        estimator_->requestStop();
    if (sweep_)
        sweep_->requestStop();
}

void PiDemoController::reset() {
    timer_.stop();
    stop();
    estimator_.reset();
    sweep_.reset();
    page_->reset();
}

void PiDemoController::poll() {
    if (estimator_) {
        const PiProgress progress = estimator_->progress();
        if (!progress.finished) {
            page_->showProgress(progress);
            return;
        }
        estimator_.reset(); // finished: the join returns at once
        page_->runEnded(progress);
    }
    if (sweep_) {
        const bool finished = sweep_->finished();
        const auto rows = sweep_->rows();
        const auto fit = PiSweep::fit(rows, PiSweep::hardwareCores());
        if (!finished) {
            if (rows.size() != shownRows_)
                page_->showSweep(rows, fit);
            shownRows_ = rows.size();
            return;
        }
        sweep_.reset();
        page_->sweepEnded(rows, fit);
    }
    timer_.stop();
}

} // namespace stampede
