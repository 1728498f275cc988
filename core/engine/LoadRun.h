#pragma once

#include "core/engine/Dispatcher.h"
#include "core/engine/FlowWalker.h"
#include "core/engine/RunAccumulator.h"
#include "core/engine/RunSink.h"
#include "core/engine/Scheduler.h"
#include "core/engine/TimelineRing.h"
#include "core/engine/Transport.h"
#include "core/engine/TransportChoice.h"
#include "core/plan/Plan.h"
#include "core/plan/PlanShare.h"
#include "core/scenario/Scenario.h"

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>

#include <array>
#include <functional>
#include <memory>
#include <optional>

namespace stampede {

// One load test, living entirely on engine-io: a scheduler that decides when requests go
// (closed or open model), a transport that carries them, and the accumulator that counts
// what came back; every 100 ms a snapshot to the sink, at the end the report.
class LoadRun {
public:
    using Clock = std::chrono::steady_clock;

    // `scenario` is the plan's, compiled against `url` (the base URL); `transport` was
    // prepared by LoadEngine::start. `plan` is this run's share of the whole (PlanShare).
    LoadRun(boost::asio::io_context& io, Plan plan, RunShare share, std::string url,
            Scenario scenario, PreparedTransport transport, std::shared_ptr<RunSink> sink,
            std::function<void()> onEnded);
    ~LoadRun();

    LoadRun(const LoadRun&) = delete;
    LoadRun& operator=(const LoadRun&) = delete;

    // `start` is the run's zero, shared by every share of it so that their seconds align.
    void start(Clock::time_point start);
    void stop(); // ends now: in-flight requests are abandoned and not counted

private:
    void onStep(int slot, int step, const RequestOutcome& judged);
    void onIteration(int slot, Clock::time_point started, std::optional<int> failedStep,
                     const std::string& failure);
    void tick();
    void finish(RunSnapshot::Phase phase);
    RunSnapshot snapshot(RunSnapshot::Phase phase, Clock::time_point now);

    boost::asio::io_context& io_;
    const Plan plan_;
    const RunShare share_;
    const std::string url_;
    const Scenario scenario_;
    std::shared_ptr<RunSink> sink_;
    std::function<void()> onEnded_;
    const TransportChoice choice_;
    std::unique_ptr<Transport> transport_;
    FlowWalker walker_;
    Dispatcher dispatcher_;
    std::unique_ptr<Scheduler> scheduler_;      // made at start, when the clock starts
    std::optional<RunAccumulator> accumulator_; // made at start, when the clock starts
    TimelineRing timeline_{RunSnapshot::kTimelineSampleSize};
    boost::asio::steady_timer tickTimer_;
    boost::asio::steady_timer deadlineTimer_;
    Clock::time_point start_{};
    std::chrono::system_clock::time_point startedUtc_{};
    std::uint64_t nextRequestId_ = 0;
    bool ended_ = false;
    std::array<double, 2> cpuAtStart_{};
};

} // namespace stampede
