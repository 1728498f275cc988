#include "core/lab/servers/ServersDemo.h"

#include "core/sys/ThreadName.h"

#include <algorithm>

namespace stampede {

using namespace std::chrono_literals;

std::optional<std::string> ServersOptions::problem() const {
    if (workers < 1 || workers > kMaxWorkers)
        return "workers must be between 1 and " + std::to_string(kMaxWorkers);
    if (users < 1 || users > kMaxUsers)
        return "users must be between 1 and " + std::to_string(kMaxUsers);
    if (delay < 1ms || delay > 10s)
        return "delay must be between 1 ms and 10 s";
    if (duration < 500ms || duration > 120s)
        return "each run must last between 0.5 and 120 s";
    return std::nullopt;
}

double ServersOptions::predictedRps(bool sync) const {
    const int atOnce = sync ? std::min(users, workers) : users;
    return double(atOnce) / std::chrono::duration<double>(delay).count();
}

double ServersOptions::predictedLatencyMs(bool sync) const {
    return 1000.0 * double(users) / predictedRps(sync);
}

ServersDemo::ServersDemo(ServersOptions options)
    : options_(options) {}

void ServersDemo::start() {
    if (runner_.started())
        return;
    setPhase(ServersProgress::Phase::Sync);
    runner_.start(1, [this](std::stop_token stop, int) { run(stop); });
}

ServersProgress ServersDemo::progress() const {
    ServersProgress progress;
    {
        const std::lock_guard lock(mutex_);
        progress.phase = phase_;
        progress.failure = failure_;
    }
    using Phase = ServersProgress::Phase;
    const auto fill = [&](ServerRun& run, const TimelineCollector& sink, ServerMode mode,
                          bool started) {
        run.mode = mode;
        run.started = started;
        run.report = sink.report();
        run.finished = run.report.has_value();
        run.latest = sink.latest();
        run.records = sink.records();
    };
    fill(progress.sync, *sync_, ServerMode::Sync, progress.phase != Phase::Idle);
    fill(progress.async, *async_, ServerMode::Async,
         progress.phase == Phase::Async || async_->report().has_value());
    return progress;
}

void ServersDemo::run(std::stop_token stop) {
    setCurrentThreadName("servers-demo");
    using Phase = ServersProgress::Phase;
    if (!runOne(stop, ServerMode::Sync, sync_))
        return;
    if (stop.stop_requested())
        return setPhase(Phase::Stopped);
    setPhase(Phase::Async);
    if (!runOne(stop, ServerMode::Async, async_))
        return;
    setPhase(stop.stop_requested() ? Phase::Stopped : Phase::Done);
}

bool ServersDemo::runOne(std::stop_token stop, ServerMode mode,
                         const std::shared_ptr<TimelineCollector>& sink) {
    std::optional<TargetServer> target;
    try {
        TargetServerOptions serverOptions;
        serverOptions.mode = mode;
        serverOptions.workers = options_.workers;
        target.emplace(serverOptions);
    } catch (const std::exception& e) {
        setPhase(ServersProgress::Phase::Failed,
                 std::string("cannot start the target: ") + e.what());
        return false;
    }
    Plan plan;
    plan.name = mode == ServerMode::Sync ? "sync server" : "async server";
    plan.load.model = LoadShape::Model::Closed;
    plan.load.users = options_.users;
    plan.duration = options_.duration;
    const std::string url = target->url() + "delay/" + std::to_string(options_.delay.count());
    if (const auto error = engine_.start(plan, url, sink)) {
        setPhase(ServersProgress::Phase::Failed, *error);
        return false;
    }
    while (!engine_.wait(50ms))
        if (stop.stop_requested())
            engine_.requestStop();
    if (const auto report = sink->report();
        report && report->final.phase == RunSnapshot::Phase::Failed) {
        setPhase(ServersProgress::Phase::Failed, report->final.failure);
        return false;
    }
    if (stop.stop_requested())
        setPhase(ServersProgress::Phase::Stopped);
    return !stop.stop_requested();
}

void ServersDemo::setPhase(ServersProgress::Phase phase, std::string failure) {
    const std::lock_guard lock(mutex_);
    phase_ = phase;
    failure_ = std::move(failure);
}

} // namespace stampede
