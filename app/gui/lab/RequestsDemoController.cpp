#include "app/gui/lab/RequestsDemoController.h"

#include "ui/lab/requests/RequestsPage.h"

namespace stampede {

RequestsDemoController::RequestsDemoController(RequestsPage* page, std::string targetUrl,
                                               QObject* parent)
    : QObject(parent)
    , page_(page)
    , targetUrl_(std::move(targetUrl)) {
    poll_.setInterval(100);
    connect(&poll_, &QTimer::timeout, this, &RequestsDemoController::poll);
    connect(page_, &RequestsPage::startRequested, this, &RequestsDemoController::start);
    connect(page_, &RequestsPage::stopRequested, this, [this] {
        if (demo_)
            demo_->requestStop();
    });
    connect(page_, &RequestsPage::resetRequested, this, &RequestsDemoController::reset);
}

RequestsDemoController::~RequestsDemoController() = default;

void RequestsDemoController::start(int requests, int delayMs) {
    if (demo_)
        return;
    demo_ =
        std::make_unique<RequestsDemo>(RequestsOptions{.requests = requests,
                                                       .delay = std::chrono::milliseconds(delayMs),
                                                       .targetUrl = targetUrl_});
    discard_ = false;
    page_->clear();
    page_->setRunning(true);
    demo_->start();
    poll_.start();
}

void RequestsDemoController::reset() {
    page_->clear();
    if (!demo_)
        return;
    // The engine ends the run within 50 ms; the next poll lets the demo go without waiting.
    discard_ = true;
    demo_->requestStop();
}

void RequestsDemoController::poll() {
    if (!demo_)
        return;
    const RequestsProgress progress = demo_->progress();
    if (!discard_)
        page_->showProgress(progress);
    if (!progress.ended())
        return;
    poll_.stop();
    demo_.reset(); // both runs have ended: nothing to wait for
    page_->setRunning(false);
}

} // namespace stampede
