#include "app/gui/lab/LabControllers.h"

#include "app/gui/lab/FrozenController.h"
#include "app/gui/lab/StepperController.h"
#include "ui/lab/ConcurrencyLab.h"
#include "ui/lab/frozen/FrozenPage.h"
#include "ui/lab/stepper/StepperPage.h"

namespace stampede {

PiDemoController::PiDemoController(PiPage* page, QObject* parent)
    : QObject(parent)
    , trace_(new LatestTrace(this))
    , run_(new DemoController<PiEstimator, PiPage>(page, this, {}, {}, trace_))
    , sweep_(new DemoController<PiSweep, PiPage>(page, this,
                                                 {.startRequested = &PiPage::sweepRequested,
                                                  .options = &PiPage::sweepOptions,
                                                  .runStarted = &PiPage::sweepStarted,
                                                  .showProgress = &PiPage::showProgress,
                                                  .runEnded = &PiPage::runEnded},
                                                 {}, trace_)) {
    connect(page, &PiPage::traceRequested, trace_, [this, page] { trace_->save(page); });
}

RequestsDemoController::RequestsDemoController(RequestsPage* page, std::string targetUrl,
                                               QObject* parent)
    : DemoController(page, parent, {},
                     [url = std::move(targetUrl)](RequestsOptions& o) { o.targetUrl = url; }) {}

AsyncDemoController::AsyncDemoController(AsyncPage* page, std::string targetUrl, QObject* parent)
    : DemoController(page, parent, {},
                     [url = std::move(targetUrl)](AsyncOptions& o) { o.targetUrl = url; }) {}

void addLabDemos(ConcurrencyLab& lab, const std::string& targetUrl, QObject* owner) {
    const int cores = PiSweep::hardwareCores();
    auto* pi = new PiPage(cores);
    lab.addDemo(QObject::tr("Monte Carlo π"), pi);
    new PiDemoController(pi, owner);
    auto* race = new RacePage(cores);
    lab.addDemo(QObject::tr("Race conditions"), race);
    new RaceDemoController(race, owner);
    auto* deadlock = new DeadlockPage;
    lab.addDemo(QObject::tr("Deadlock"), deadlock);
    new DeadlockDemoController(deadlock, owner);
    auto* semaphore = new SemaphorePage;
    lab.addDemo(QObject::tr("Semaphore: thread limiter"), semaphore);
    new SemaphoreDemoController(semaphore, owner);
    auto* queue = new QueuePage;
    lab.addDemo(QObject::tr("Producers and consumers"), queue);
    new QueueDemoController(queue, owner);
    auto* barrier = new BarrierPage;
    lab.addDemo(QObject::tr("Barrier"), barrier);
    new BarrierDemoController(barrier, owner);
    auto* stepper = new StepperPage;
    lab.addDemo(QObject::tr("Stepping a race by hand"), stepper);
    new StepperController(stepper, owner);
    auto* requests = new RequestsPage;
    lab.addDemo(QObject::tr("Sequential vs concurrent requests"), requests);
    new RequestsDemoController(requests, targetUrl, owner);
    auto* async = new AsyncPage;
    lab.addDemo(QObject::tr("gather, as_completed, wait"), async);
    new AsyncDemoController(async, targetUrl, owner);
    auto* frozen = new FrozenPage;
    lab.addDemo(QObject::tr("The frozen window"), frozen);
    new FrozenController(frozen, targetUrl, owner);
    auto* servers = new ServersPage;
    lab.addDemo(QObject::tr("Sync vs async server"), servers);
    new ServersDemoController(servers, owner);
}

} // namespace stampede
