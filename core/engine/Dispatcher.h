#pragma once

#include "core/engine/FlowWalker.h"

#include <chrono>
#include <cstdint>
#include <optional>
#include <vector>

namespace stampede {

// Hands a run's iterations to the flow walker and counts them, for whichever scheduler decides
// when they start: iterations issued (started, or queued as the open model's backlog) against
// the plan's limit, iterations in flight, and each slot's stamps and id until its iteration
// ends. For a one-step scenario an iteration is a request.
class Dispatcher {
public:
    using Clock = std::chrono::steady_clock;

    struct Slot {
        Clock::time_point intended{};
        Clock::time_point started{};
        std::uint64_t id = 0;
        bool busy = false;
    };

    Dispatcher(FlowWalker& walker, std::optional<std::uint64_t> requestLimit)
        : walker_(walker)
        , limit_(requestLimit) {}

    int openSlot();
    // Sends on `slot` now; `intended` later than now means now (it cannot leave early).
    void send(int slot, Clock::time_point intended);
    // The slot's iteration ended: its stamps and id, and it is free again.
    const Slot& complete(int slot);
    const Slot& slot(int slot) const { return slots_[static_cast<std::size_t>(slot)]; }
    void abandonAll(); // nothing is in flight any more

    void queued() { ++issued_; } // joined the backlog: issued, but not sent yet
    void unqueued() { --issued_; }
    bool limitReached() const { return limit_ && issued_ >= *limit_; }
    std::uint64_t inFlight() const { return inFlight_; }
    bool busy(int slot) const { return slots_[static_cast<std::size_t>(slot)].busy; }

private:
    FlowWalker& walker_;
    const std::optional<std::uint64_t> limit_;
    std::vector<Slot> slots_;
    std::uint64_t issued_ = 0;
    std::uint64_t inFlight_ = 0;
    std::uint64_t nextId_ = 0;
};

} // namespace stampede
