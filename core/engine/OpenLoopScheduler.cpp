#include "core/engine/OpenLoopScheduler.h"

#include <cmath>

namespace stampede {

OpenLoopScheduler::OpenLoopScheduler(boost::asio::io_context& io, Dispatcher& dispatcher,
                                     const LoadShape& load, Clock::time_point start,
                                     std::optional<Clock::time_point> deadline,
                                     BacklogGrew backlogGrew, double firstCount)
    : dispatcher_(dispatcher)
    , maxInFlight_(static_cast<std::uint64_t>(load.maxInFlight))
    , profile_(load.rate, load.stages)
    , start_(start)
    , deadline_(deadline)
    , backlogGrew_(std::move(backlogGrew))
    , firstCount_(firstCount)
    , timer_(io) {}

RunAccumulator::Gauges OpenLoopScheduler::gauges(Clock::time_point now) const {
    const double seconds = std::chrono::duration<double>(now - start_).count();
    return {dispatcher_.inFlight(), backlog_.size(), 0.0, profile_.valueAt(seconds)};
}

void OpenLoopScheduler::schedule() {
    if (stopped_)
        return;
    const auto now = Clock::now();
    for (;;) {
        if (dispatcher_.limitReached())
            return;
        const double due = profile_.timeOfCount(firstCount_ + static_cast<double>(scheduled_));
        if (!std::isfinite(due))
            return; // the rate stays at zero from here on
        const auto intended = start_ + std::chrono::duration_cast<Clock::duration>(
                                           std::chrono::duration<double>(due));
        if (deadline_ && intended >= *deadline_)
            return;
        if (intended > now) {
            timer_.expires_at(intended);
            timer_.async_wait([this](boost::system::error_code ec) {
                if (!ec)
                    schedule();
            });
            return;
        }
        ++scheduled_;
        if (!idle_.empty()) {
            const int slot = idle_.back();
            idle_.pop_back();
            dispatcher_.send(slot, intended);
        } else if (dispatcher_.inFlight() < maxInFlight_) {
            dispatcher_.send(dispatcher_.openSlot(), intended);
        } else {
            // At the cap: the request waits, and the wait counts against its latency.
            dispatcher_.queued();
            backlog_.push_back(intended);
            backlogGrew_(backlog_.size());
        }
    }
}

bool OpenLoopScheduler::afterRequest(int slot) {
    if (!backlog_.empty()) {
        const auto intended = backlog_.front();
        backlog_.pop_front();
        dispatcher_.unqueued(); // it was counted when it joined the backlog
        dispatcher_.send(slot, intended);
        return false;
    }
    idle_.push_back(slot);
    return dispatcher_.limitReached() && dispatcher_.inFlight() == 0;
}

void OpenLoopScheduler::stop() {
    stopped_ = true;
    timer_.cancel();
    backlog_.clear();
}

} // namespace stampede
