#include "core/engine/ClosedLoopScheduler.h"

#include <cmath>

namespace stampede {

ClosedLoopScheduler::ClosedLoopScheduler(boost::asio::io_context& io, Dispatcher& dispatcher,
                                         const LoadShape& load, Clock::time_point start)
    : io_(io)
    , dispatcher_(dispatcher)
    , thinkTime_(load.thinkTime)
    , ramps_(!load.stages.empty())
    , profile_(double(load.users), load.stages)
    , start_(start) {}

void ClosedLoopScheduler::onTick(Clock::time_point now) {
    if (ramps_)
        adjustUsers(now);
}

RunAccumulator::Gauges ClosedLoopScheduler::gauges(Clock::time_point) const {
    return {dispatcher_.inFlight(), 0, double(activeUsers_), 0.0};
}

void ClosedLoopScheduler::adjustUsers(Clock::time_point now) {
    const double seconds = std::chrono::duration<double>(now - start_).count();
    const int target = static_cast<int>(std::lround(profile_.valueAt(seconds)));
    // Ramp up: bring back retiring users first, then open new ones.
    for (std::size_t i = 0; i < users_.size() && activeUsers_ < target; ++i) {
        User& user = *users_[i];
        if (!user.retiring)
            continue;
        user.retiring = false;
        ++activeUsers_;
        if (!dispatcher_.busy(int(i)) && !dispatcher_.limitReached())
            dispatcher_.send(int(i), now);
    }
    while (activeUsers_ < target && !dispatcher_.limitReached()) {
        ++activeUsers_;
        const int slot = dispatcher_.openSlot();
        users_.push_back(std::make_unique<User>(io_));
        dispatcher_.send(slot, now);
    }
    // Ramp down: a user leaves after its current request, never mid-flight.
    for (auto it = users_.rbegin(); it != users_.rend() && activeUsers_ > target; ++it) {
        if (!(*it)->retiring) {
            (*it)->retiring = true;
            (*it)->think.cancel();
            --activeUsers_;
        }
    }
}

bool ClosedLoopScheduler::afterRequest(int slot) {
    if (dispatcher_.limitReached())
        return dispatcher_.inFlight() == 0;
    User& user = *users_[static_cast<std::size_t>(slot)];
    if (user.retiring)
        return false;
    if (thinkTime_.count() > 0) {
        user.think.expires_after(thinkTime_);
        user.think.async_wait([this, slot](boost::system::error_code ec) {
            if (!ec)
                sendAgain(slot);
        });
        return false;
    }
    dispatcher_.send(slot, Clock::now());
    return false;
}

void ClosedLoopScheduler::sendAgain(int slot) {
    if (!stopped_ && !users_[static_cast<std::size_t>(slot)]->retiring &&
        !dispatcher_.limitReached())
        dispatcher_.send(slot, Clock::now());
}

void ClosedLoopScheduler::stop() {
    stopped_ = true;
    for (const auto& user : users_)
        user->think.cancel();
}

} // namespace stampede
