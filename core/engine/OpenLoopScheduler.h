#pragma once

#include "core/engine/Dispatcher.h"
#include "core/engine/Scheduler.h"
#include "core/plan/Plan.h"
#include "core/plan/StageProfile.h"

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>

#include <deque>
#include <functional>
#include <optional>
#include <vector>

namespace stampede {

// The open model: requests leave at intended times that follow the rate (and its ramps)
// whatever the server does. A free slot takes the next one; at the in-flight cap it waits as
// backlog, counted, and its wait counts against its latency. Never sends past the deadline.
class OpenLoopScheduler final : public Scheduler {
public:
    // Told each time the backlog grows, with its new length.
    using BacklogGrew = std::function<void(std::uint64_t backlog)>;

    // `firstCount`: where in its own count of requests this scheduler starts, so that the
    // shares of a divided run interleave (RunShare::firstCount); 0 for a whole run.
    OpenLoopScheduler(boost::asio::io_context& io, Dispatcher& dispatcher, const LoadShape& load,
                      Clock::time_point start, std::optional<Clock::time_point> deadline,
                      BacklogGrew backlogGrew, double firstCount = 0);

    void start() override { schedule(); }
    void onTick(Clock::time_point) override {}
    bool afterRequest(int slot) override;
    void stop() override;
    RunAccumulator::Gauges gauges(Clock::time_point now) const override;

private:
    void schedule();

    Dispatcher& dispatcher_;
    const std::uint64_t maxInFlight_;
    const StageProfile profile_;
    const Clock::time_point start_;
    const std::optional<Clock::time_point> deadline_;
    const BacklogGrew backlogGrew_;
    const double firstCount_;
    boost::asio::steady_timer timer_;
    std::uint64_t scheduled_ = 0; // index of the next intended send
    std::vector<int> idle_;       // slots free for the next request
    std::deque<Clock::time_point> backlog_;
    bool stopped_ = false;
};

} // namespace stampede
