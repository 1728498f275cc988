#include "core/server/TargetStats.h"

namespace stampede {

void TargetStats::record(Endpoint endpoint, int status) noexcept {
    const int slot = (status >= 100 && status < kStatusSlots) ? status : 0;
    counts_[static_cast<std::size_t>(endpoint)][slot].fetch_add(1, std::memory_order_relaxed);
    // Release pairs with the acquire in snapshot(): whoever sees the total also sees the row.
    requests_.fetch_add(1, std::memory_order_release);
}

void TargetStats::connectionOpened() noexcept {
    accepted_.fetch_add(1, std::memory_order_relaxed);
}

void TargetStats::connectionClosed() noexcept {
    closed_.fetch_add(1, std::memory_order_release);
}

TargetStatsSnapshot TargetStats::snapshot() const {
    TargetStatsSnapshot snap;
    snap.requests = requests_.load(std::memory_order_acquire);
    // Acquire closed before reading accepted: every close we see follows its accept, so the
    // open count can never come out negative.
    const std::uint64_t closed = closed_.load(std::memory_order_acquire);
    snap.connectionsAccepted = accepted_.load(std::memory_order_relaxed);
    snap.connectionsOpen =
        snap.connectionsAccepted >= closed ? snap.connectionsAccepted - closed : 0;
    for (std::size_t e = 0; e < kEndpointCount; ++e) {
        for (int status = 0; status < kStatusSlots; ++status) {
            const std::uint64_t n = counts_[e][status].load(std::memory_order_relaxed);
            if (n != 0)
                snap.rows.push_back({static_cast<Endpoint>(e), status, n});
        }
    }
    return snap;
}

} // namespace stampede
