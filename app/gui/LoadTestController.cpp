#include "app/gui/LoadTestController.h"

#include "core/engine/QueuedRunSink.h"
#include "core/engine/TransportChoice.h"
#include "core/plan/PlanValidation.h"
#include "ui/loadtest/LoadTestPage.h"
#include "ui/loadtest/form/LoadTestForm.h"

namespace stampede {

LoadTestController::LoadTestController(LoadTestPage* page, std::string targetUrl, QObject* parent)
    : QObject(parent)
    , page_(page)
    , targetUrl_(std::move(targetUrl)) {
    page_->form()->setEmbeddedTargetUrl(QString::fromStdString(targetUrl_));
    connect(page_->form(), &LoadTestForm::changed, this, &LoadTestController::validate);
    connect(page_, &LoadTestPage::startRequested, this, &LoadTestController::start);
    connect(page_, &LoadTestPage::stopRequested, this, [this] { engine_.requestStop(); });
    validate();
}

LoadTestController::~LoadTestController() {
    // Results still queued for us are dropped with our posted events; none arrive after.
    engine_.stop();
}

void LoadTestController::validate() {
    const Plan plan = page_->form()->plan();
    const auto problem = validatePlan(plan);
    page_->form()->showProblem(problem ? QString::fromStdString(problem->field) : QString(),
                               problem ? QString::fromStdString(problem->message) : QString());
    page_->setStartAllowed(!problem);
    const auto choice = chooseTransport(plan, plan.url.empty() ? targetUrl_ : plan.url);
    const auto* chosen = std::get_if<TransportChoice>(&choice);
    page_->form()->showTransport(
        chosen ? tr("This plan runs on %1 (%2).")
                     .arg(QString::fromStdString(chosen->name), QString::fromStdString(chosen->why))
               : QString());
}

void LoadTestController::start() {
    const Plan plan = page_->form()->plan();
    if (page_->running())
        return;
    // Checked again: a file the plan names may have gone since the last edit. The problem
    // then shows beside its field, as after an edit.
    if (validatePlan(plan))
        return validate();
    auto sink = std::make_shared<QueuedRunSink>(
        this, [page = page_](const RunSnapshot& snapshot) { page->showSnapshot(snapshot); },
        [this](const RunReport& report) {
            lastReport_ = report;
            page_->runEnded(report);
            emit reportReady();
        });
    const std::string url = plan.url.empty() ? targetUrl_ : plan.url;
    if (const auto error = engine_.start(plan, url, sink)) {
        emit problem(tr("Cannot start"), QString::fromStdString(*error));
        return;
    }
    page_->runStarted();
}

} // namespace stampede
