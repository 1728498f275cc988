#pragma once

#include "core/engine/Dispatcher.h"
#include "core/engine/Scheduler.h"
#include "core/plan/Plan.h"
#include "core/plan/StageProfile.h"

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>

#include <memory>
#include <vector>

namespace stampede {

// The closed model: N virtual users, each on its own slot, each sending its next request
// when the previous one ends (after the think time). Stages ramp N linearly; a user leaves
// after its current request, never mid-flight, and a returning user takes its slot back.
class ClosedLoopScheduler final : public Scheduler {
public:
    ClosedLoopScheduler(boost::asio::io_context& io, Dispatcher& dispatcher, const LoadShape& load,
                        Clock::time_point start);

    void start() override { adjustUsers(start_); }
    void onTick(Clock::time_point now) override;
    bool afterRequest(int slot) override;
    void stop() override;
    RunAccumulator::Gauges gauges(Clock::time_point now) const override;

private:
    struct User {
        explicit User(boost::asio::io_context& io)
            : think(io) {}
        boost::asio::steady_timer think;
        bool retiring = false; // ramp-down: stop after the current request
    };

    void adjustUsers(Clock::time_point now);
    void sendAgain(int slot);

    boost::asio::io_context& io_;
    Dispatcher& dispatcher_;
    const std::chrono::milliseconds thinkTime_;
    const bool ramps_;
    const StageProfile profile_;
    const Clock::time_point start_;
    std::vector<std::unique_ptr<User>> users_; // users_[i] sends on slot i
    int activeUsers_ = 0;
    bool stopped_ = false;
};

} // namespace stampede
