#include "core/engine/LoadRun.h"

#include "core/engine/ClosedLoopScheduler.h"
#include "core/engine/OpenLoopScheduler.h"

#include <boost/asio/post.hpp>

#include <QSysInfo>

#include <sys/resource.h>

namespace stampede {
namespace asio = boost::asio;

namespace {

constexpr auto kTick = std::chrono::milliseconds(100);

std::array<double, 2> processCpuSeconds() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const auto seconds = [](const timeval& t) {
        return double(t.tv_sec) + double(t.tv_usec) / 1e6;
    };
    return {seconds(usage.ru_utime), seconds(usage.ru_stime)};
}

} // namespace

LoadRun::LoadRun(asio::io_context& io, Plan plan, RunShare share, std::string url,
                 Scenario scenario, PreparedTransport transport, std::shared_ptr<RunSink> sink,
                 std::function<void()> onEnded)
    : io_(io)
    , plan_(std::move(plan))
    , share_(share)
    , url_(std::move(url))
    , scenario_(std::move(scenario))
    , sink_(std::move(sink))
    , onEnded_(std::move(onEnded))
    , choice_(transport.choice)
    , transport_(makeTransport(
          std::move(transport), io, plan_, scenario_,
          [this](int slot, const RequestOutcome& outcome) { walker_.onDone(slot, outcome); }))
    , walker_(
          io, scenario_, *transport_, share_, plan_.load.model,
          [this](int slot, int step, const RequestOutcome& outcome) {
              onStep(slot, step, outcome);
          },
          [this](int slot, Clock::time_point started, std::optional<int> failedStep,
                 const std::string& failure) { onIteration(slot, started, failedStep, failure); })
    , dispatcher_(walker_, plan_.requestLimit)
    , tickTimer_(io)
    , deadlineTimer_(io) {}

// The scheduler goes first (its timers refer to the dispatcher), then the transport.
LoadRun::~LoadRun() = default;

void LoadRun::start(Clock::time_point start) {
    cpuAtStart_ = processCpuSeconds();
    start_ = start;
    // The wall clock at the shared zero: every share of a run names the same start.
    startedUtc_ =
        std::chrono::system_clock::now() -
        std::chrono::duration_cast<std::chrono::system_clock::duration>(Clock::now() - start);
    accumulator_.emplace(start_, plan_.load.model, scenario_.steps().size());
    std::optional<Clock::time_point> deadline;
    if (const auto planned = plan_.plannedDuration()) {
        deadline = start_ + *planned;
        deadlineTimer_.expires_at(*deadline);
        deadlineTimer_.async_wait([this](boost::system::error_code ec) {
            if (!ec)
                finish(RunSnapshot::Phase::Finished);
        });
    }
    if (plan_.load.model == LoadShape::Model::Closed)
        scheduler_ = std::make_unique<ClosedLoopScheduler>(io_, dispatcher_, plan_.load, start_);
    else
        scheduler_ = std::make_unique<OpenLoopScheduler>(
            io_, dispatcher_, plan_.load, start_, deadline,
            [this](std::uint64_t backlog) { accumulator_->noteBacklog(backlog); },
            share_.firstCount());
    scheduler_->start();
    tickTimer_.expires_at(start_ + kTick);
    tickTimer_.async_wait([this](boost::system::error_code ec) {
        if (!ec)
            tick();
    });
}

void LoadRun::onStep(int slot, int step, const RequestOutcome& judged) {
    if (ended_)
        return;
    RequestOutcome outcome = judged;
    if (step == 0) {
        // The iteration's first request left when the scheduler said: its intended time is
        // what the open model's latency counts from.
        const Dispatcher::Slot& sent = dispatcher_.slot(slot);
        outcome.intended = sent.intended;
        outcome.started = sent.started;
    }
    accumulator_->record(outcome, scheduler_->gauges(outcome.done), step);

    const auto ms = [this](Clock::time_point t) {
        return std::chrono::duration<double, std::milli>(t - start_).count();
    };
    const RequestRecord record{nextRequestId_++,
                               slot,
                               step,
                               ms(outcome.intended),
                               ms(outcome.started),
                               outcome.firstByte ? ms(*outcome.firstByte) : -1.0,
                               ms(outcome.done),
                               outcome.status,
                               outcome.error,
                               outcome.bytes};
    timeline_.push(record);
    if (sink_->wantsRequests())
        sink_->onRequest(record);
}

void LoadRun::onIteration(int slot, Clock::time_point started, std::optional<int> failedStep,
                          const std::string& failure) {
    if (ended_)
        return;
    dispatcher_.complete(slot);
    accumulator_->recordIteration(Clock::now() - started, failedStep, failure);
    if (scheduler_->afterRequest(slot))
        finish(RunSnapshot::Phase::Finished);
}

void LoadRun::tick() {
    if (ended_)
        return;
    const auto now = Clock::now();
    scheduler_->onTick(now);
    sink_->onSnapshot(snapshot(RunSnapshot::Phase::Running, now));
    tickTimer_.expires_at(tickTimer_.expiry() + kTick);
    tickTimer_.async_wait([this](boost::system::error_code ec) {
        if (!ec)
            tick();
    });
}

RunSnapshot LoadRun::snapshot(RunSnapshot::Phase phase, Clock::time_point now) {
    RunSnapshot snap = accumulator_->snapshot(phase, now, scheduler_->gauges(now));
    snap.plannedDuration = plan_.plannedDuration();
    snap.requestLimit = plan_.requestLimit;
    snap.timelineSample = timeline_.take();
    return snap;
}

void LoadRun::stop() {
    finish(RunSnapshot::Phase::Stopped);
}

void LoadRun::finish(RunSnapshot::Phase phase) {
    if (ended_)
        return;
    ended_ = true;
    const auto now = Clock::now();
    tickTimer_.cancel();
    deadlineTimer_.cancel();
    // Abandon what is still in flight: it did not finish within the run, so it is not counted.
    scheduler_->stop();
    dispatcher_.abandonAll();

    RunReport report;
    report.final = snapshot(phase, now);
    report.timeSeries = accumulator_->rows();
    report.timeSeriesLatency = accumulator_->rowLatency();
    report.timeSeriesStepLatency = accumulator_->rowStepLatency();
    report.startedUtc = startedUtc_;
    report.endedUtc = std::chrono::system_clock::now();
    report.host = QSysInfo::machineHostName().toStdString();
    const auto cpu = processCpuSeconds();
    report.cpuUserSeconds = cpu[0] - cpuAtStart_[0];
    report.cpuSystemSeconds = cpu[1] - cpuAtStart_[1];
    report.url = url_;
    report.engine = choice_.name;
    report.engineWhy = choice_.why;
    report.httpVersion = transport_->answeredVersions().text();
    report.plan = plan_;
    sink_->onFinished(std::move(report));
    // The owner destroys us; never from inside our own handler.
    asio::post(io_, onEnded_);
}

} // namespace stampede
