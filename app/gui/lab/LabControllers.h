#pragma once

#include "app/gui/lab/DemoController.h"
#include "core/lab/async/AsyncTrace.h"
#include "core/lab/barrier/BarrierTrace.h"
#include "core/lab/deadlock/DeadlockTrace.h"
#include "core/lab/pi/PiTrace.h"
#include "core/lab/queue/QueueTrace.h"
#include "core/lab/race/RaceTrace.h"
#include "core/lab/requests/RequestsTrace.h"
#include "core/lab/semaphore/SemaphoreTrace.h"
#include "core/lab/servers/ServersTrace.h"
#include "ui/lab/async/AsyncPage.h"
#include "ui/lab/barrier/BarrierPage.h"
#include "ui/lab/deadlock/DeadlockPage.h"
#include "ui/lab/pi/PiPage.h"
#include "ui/lab/queue/QueuePage.h"
#include "ui/lab/race/RacePage.h"
#include "ui/lab/requests/RequestsPage.h"
#include "ui/lab/semaphore/SemaphorePage.h"
#include "ui/lab/servers/ServersPage.h"

#include <string>

namespace stampede {

class ConcurrencyLab;

// Every demo page with its controller: one template, one line each.
using RaceDemoController = DemoController<RaceExperiment, RacePage>;
using DeadlockDemoController = DemoController<DeadlockDemo, DeadlockPage>;
using SemaphoreDemoController = DemoController<SemaphoreDemo, SemaphorePage>;
using QueueDemoController = DemoController<QueueDemo, QueuePage>;
using BarrierDemoController = DemoController<BarrierDemo, BarrierPage>;
using ServersDemoController = DemoController<ServersDemo, ServersPage>;

// The π page runs two demos, one at a time: an estimate, or the speed-up sweep.
class PiDemoController : public QObject {
public:
    explicit PiDemoController(PiPage* page, QObject* parent = nullptr);
    bool running() const { return run_->running() || sweep_->running(); }
    bool idle() const { return run_->idle() && sweep_->idle(); }

    LatestTrace* latestTrace() const { return trace_; }

private:
    LatestTrace* trace_;
    DemoController<PiEstimator, PiPage>* run_;
    DemoController<PiSweep, PiPage>* sweep_;
};

// The requests demo sends to the window's embedded target, which the page does not know.
class RequestsDemoController : public DemoController<RequestsDemo, RequestsPage> {
public:
    RequestsDemoController(RequestsPage* page, std::string targetUrl, QObject* parent = nullptr);
};

// The async demo also sends to the window's embedded target.
class AsyncDemoController : public DemoController<AsyncDemo, AsyncPage> {
public:
    AsyncDemoController(AsyncPage* page, std::string targetUrl, QObject* parent = nullptr);
};

// Adds every demo's page to the lab, each with its controller as a child of `owner`.
void addLabDemos(ConcurrencyLab& lab, const std::string& targetUrl, QObject* owner);

} // namespace stampede
