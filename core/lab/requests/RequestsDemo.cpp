#include "core/lab/requests/RequestsDemo.h"

#include "core/plan/BaseUrl.h"
#include "core/sys/ThreadName.h"

namespace stampede {

using namespace std::chrono_literals;

namespace {

bool endedByItself(const TimelineCollector& sink) {
    const auto report = sink.report();
    return report && report->final.phase == RunSnapshot::Phase::Finished;
}

} // namespace

RequestsDemo::RequestsDemo(RequestsOptions options)
    : options_(std::move(options)) {}

std::string RequestsOptions::delayUrl() const {
    return urlOnBase(targetUrl, "/delay/" + std::to_string(delay.count()));
}

void RequestsDemo::start() {
    if (runner_.started())
        return;
    setPhase(RequestsProgress::Phase::Sequential);
    runner_.start(1, [this](std::stop_token stop, int) { run(stop); });
}

RequestsProgress RequestsDemo::progress() const {
    RequestsProgress progress;
    progress.requests = options_.requests;
    {
        const std::lock_guard lock(mutex_);
        progress.phase = phase_;
        progress.failure = failure_;
        progress.sequential.finished = sequentialFinished_;
        progress.concurrent.finished = concurrentFinished_;
    }
    using Phase = RequestsProgress::Phase;
    progress.sequential.concurrency = 1;
    progress.sequential.started = progress.phase != Phase::Idle;
    progress.sequential.records = sequential_->records();
    progress.concurrent.concurrency = options_.requests;
    progress.concurrent.started =
        progress.phase == Phase::Concurrent || progress.concurrent.finished;
    progress.concurrent.records = concurrent_->records();
    return progress;
}

void RequestsDemo::run(std::stop_token stop) {
    setCurrentThreadName("requests-demo");
    using Phase = RequestsProgress::Phase;
    if (!runBatch(stop, 1, sequential_))
        return;
    {
        const std::lock_guard lock(mutex_);
        sequentialFinished_ = endedByItself(*sequential_);
    }
    if (stop.stop_requested())
        return setPhase(Phase::Stopped);
    setPhase(Phase::Concurrent);
    if (!runBatch(stop, options_.requests, concurrent_))
        return;
    {
        const std::lock_guard lock(mutex_);
        concurrentFinished_ = endedByItself(*concurrent_);
    }
    setPhase(stop.stop_requested() ? Phase::Stopped : Phase::Done);
}

bool RequestsDemo::runBatch(std::stop_token stop, int users,
                            const std::shared_ptr<TimelineCollector>& sink) {
    Plan plan;
    plan.load.model = LoadShape::Model::Closed;
    plan.load.users = users;
    plan.requestLimit = static_cast<std::uint64_t>(options_.requests);
    plan.duration.reset(); // the request count ends the run
    if (const auto error = engine_.start(plan, options_.delayUrl(), sink)) {
        setPhase(RequestsProgress::Phase::Failed, *error);
        return false;
    }
    while (!engine_.wait(50ms))
        if (stop.stop_requested())
            engine_.requestStop();
    if (const auto report = sink->report();
        report && report->final.phase == RunSnapshot::Phase::Failed) {
        setPhase(RequestsProgress::Phase::Failed, report->final.failure);
        return false;
    }
    return true;
}

void RequestsDemo::setPhase(RequestsProgress::Phase phase, std::string failure) {
    const std::lock_guard lock(mutex_);
    phase_ = phase;
    failure_ = std::move(failure);
}

} // namespace stampede
