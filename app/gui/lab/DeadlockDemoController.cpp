#include "app/gui/lab/DeadlockDemoController.h"

#include "ui/lab/deadlock/DeadlockPage.h"

namespace stampede {

DeadlockDemoController::DeadlockDemoController(DeadlockPage* page, QObject* parent)
    : QObject(parent)
    , page_(page) {
    poll_.setInterval(100);
    connect(&poll_, &QTimer::timeout, this, &DeadlockDemoController::poll);
    connect(page_, &DeadlockPage::startRequested, this, &DeadlockDemoController::start);
    connect(page_, &DeadlockPage::stopRequested, this, [this] {
        if (demo_)
            demo_->requestStop();
    });
    connect(page_, &DeadlockPage::resetRequested, this, &DeadlockDemoController::reset);
}

DeadlockDemoController::~DeadlockDemoController() = default;

void DeadlockDemoController::start(int threads) {
    if (demo_)
        return;
    DeadlockOptions options;
    options.threads = threads;
    demo_ = std::make_unique<DeadlockDemo>(options);
    discard_ = false;
    page_->clear();
    page_->setRunning(true);
    demo_->start();
    poll_.start();
}

void DeadlockDemoController::reset() {
    page_->clear();
    if (!demo_)
        return;
    // The threads end within milliseconds; the next poll lets the demo go without waiting.
    discard_ = true;
    demo_->requestStop();
}

void DeadlockDemoController::poll() {
    if (!demo_)
        return;
    const DeadlockProgress progress = demo_->progress();
    if (!discard_)
        page_->showProgress(progress);
    if (!progress.ended())
        return;
    poll_.stop();
    demo_.reset(); // every thread has ended: nothing to wait for
    page_->setRunning(false);
}

} // namespace stampede
