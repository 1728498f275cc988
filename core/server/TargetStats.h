#pragma once

#include "core/server/Endpoint.h"
#include "core/server/TargetStatsSnapshot.h"

#include <array>
#include <atomic>
#include <cstdint>

namespace stampede {

// Counters of what the target served. Written by target-io, read by anyone: plain relaxed
// atomics, so neither side ever waits on a lock (the GUI polls these while a load runs).
class TargetStats {
public:
    static constexpr int kStatusSlots = 600; // 0 = no status line, 100..599 = HTTP status

    void record(Endpoint endpoint, int status) noexcept;
    void connectionOpened() noexcept;
    void connectionClosed() noexcept;

    TargetStatsSnapshot snapshot() const;

private:
    using Row = std::array<std::atomic<std::uint64_t>, kStatusSlots>;
    std::array<Row, kEndpointCount> counts_{};
    std::atomic<std::uint64_t> requests_{0};
    std::atomic<std::uint64_t> accepted_{0};
    std::atomic<std::uint64_t> closed_{0};
};

} // namespace stampede
