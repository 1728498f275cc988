#pragma once

#include "core/lab/pi/PiCheckpoints.h"
#include "core/lab/pi/PiLaneFigures.h"
#include "core/lab/pi/PiSpan.h"

#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <vector>

namespace stampede {

// One worker's published progress. Only its worker writes; anyone reads, without a lock, at
// any time. A cache line of its own, so two workers publishing per chunk never contend.
class alignas(64) PiLane {
public:
    // `rounds` slots for the cumulative hits after each chunk (target mode only, else 0).
    explicit PiLane(std::uint64_t rounds);

    // Spans kept per worker, for the trace: a thousand chunks of the default run fit many
    // times over; a run of tiny chunks keeps its first ones and counts the rest.
    static constexpr std::size_t kMaxSpans = 20'000;

    // Worker side, once per chunk.
    void publish(const PiTally& tally, std::int64_t busyNanos, std::int64_t waitNanos);
    void recordSpan(const PiSpan& span);
    // Target mode: records the cumulative hits after chunk number `chunks` (1-based) before
    // making the count visible, so a reader that sees `chunks` may read every slot below it.
    void recordChunk(std::uint64_t chunks, std::uint64_t hits);
    // The cumulative hits at the next checkpoint (see PiCheckpoints), stored before the count
    // is published, so a reader that sees the count may read every slot below it.
    void recordCheckpoint(std::uint64_t hits);

    // Reader side.
    PiLaneFigures figures() const;
    std::uint64_t chunks() const { return chunks_.load(); }
    std::uint64_t hitsAfterChunk(std::uint64_t chunk) const { return hitsAfter_[chunk - 1]; }
    std::vector<PiSpan> spans() const;
    std::size_t checkpoints() const { return checkpoints_.load(std::memory_order_acquire); }
    std::uint64_t hitsAtCheckpoint(std::size_t index) const { return checkpointHits_[index]; }

private:
    // A sequence lock over the three figures: odd while the worker writes them, so a reader
    // that sees the same even count before and after has samples and hits of one chunk (a
    // mix of two would put the estimate far off π). The worker never waits; a reader retries.
    std::atomic<std::uint64_t> version_{0};
    std::atomic<std::uint64_t> samples_{0};
    std::atomic<std::uint64_t> hits_{0};
    std::atomic<std::int64_t> busyNanos_{0};
    std::atomic<std::int64_t> waitNanos_{0};
    // Sequentially consistent: the round check needs every worker's store of its own count
    // and load of the others' to be seen in one order (see PiEstimator::lowerStopRound).
    std::atomic<std::uint64_t> chunks_{0};
    std::unique_ptr<std::uint64_t[]> hitsAfter_;
    // Written by the worker about fifty times, all early in the run; read by anyone.
    std::array<std::uint64_t, PiCheckpoints::kMaxCount> checkpointHits_{};
    std::atomic<std::size_t> checkpoints_{0};
    // Uncontended but for the one read at the end of a run.
    mutable std::mutex spansMutex_;
    std::vector<PiSpan> spans_;
};

} // namespace stampede
