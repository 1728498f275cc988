#include "app/gui/lab/SemaphoreDemoController.h"

#include "ui/lab/semaphore/SemaphorePage.h"

namespace stampede {

SemaphoreDemoController::SemaphoreDemoController(SemaphorePage* page, QObject* parent)
    : QObject(parent)
    , page_(page) {
    poll_.setInterval(100);
    connect(&poll_, &QTimer::timeout, this, &SemaphoreDemoController::poll);
    connect(page_, &SemaphorePage::startRequested, this, &SemaphoreDemoController::start);
    connect(page_, &SemaphorePage::stopRequested, this, [this] {
        if (demo_)
            demo_->requestStop();
    });
    connect(page_, &SemaphorePage::resetRequested, this, &SemaphoreDemoController::reset);
}

SemaphoreDemoController::~SemaphoreDemoController() = default;

void SemaphoreDemoController::start(int jobs, int limit, int jobMs) {
    if (demo_)
        return;
    demo_ = std::make_unique<SemaphoreDemo>(SemaphoreOptions{
        .jobs = jobs, .limit = limit, .jobTime = std::chrono::milliseconds(jobMs)});
    discard_ = false;
    page_->clear();
    page_->setRunning(true);
    demo_->start();
    poll_.start();
}

void SemaphoreDemoController::reset() {
    page_->clear();
    if (!demo_)
        return;
    // The jobs end within milliseconds; the next poll lets the demo go without waiting.
    discard_ = true;
    demo_->requestStop();
}

void SemaphoreDemoController::poll() {
    if (!demo_)
        return;
    const SemaphoreProgress progress = demo_->progress();
    if (!discard_)
        page_->showProgress(progress);
    if (!progress.ended)
        return;
    poll_.stop();
    demo_.reset(); // every job thread has ended: nothing to wait for
    page_->setRunning(false);
}

} // namespace stampede
