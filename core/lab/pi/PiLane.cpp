#include "core/lab/pi/PiLane.h"

namespace stampede {

PiLane::PiLane(std::uint64_t rounds)
    : hitsAfter_(rounds ? std::make_unique<std::uint64_t[]>(rounds) : nullptr) {}

void PiLane::publish(const PiTally& tally, std::int64_t busyNanos, std::int64_t waitNanos) {
    const std::uint64_t version = version_.load(std::memory_order_relaxed);
    version_.store(version + 1, std::memory_order_relaxed);
    std::atomic_thread_fence(std::memory_order_release);
    samples_.store(tally.samples, std::memory_order_relaxed);
    hits_.store(tally.hits, std::memory_order_relaxed);
    busyNanos_.store(busyNanos, std::memory_order_relaxed);
    waitNanos_.store(waitNanos, std::memory_order_relaxed);
    version_.store(version + 2, std::memory_order_release);
}

void PiLane::recordChunk(std::uint64_t chunks, std::uint64_t hits) {
    hitsAfter_[chunks - 1] = hits;
    chunks_.store(chunks);
}

void PiLane::recordCheckpoint(std::uint64_t hits) {
    const std::size_t count = checkpoints_.load(std::memory_order_relaxed);
    checkpointHits_[count] = hits;
    checkpoints_.store(count + 1, std::memory_order_release);
}

void PiLane::recordSpan(const PiSpan& span) {
    const std::lock_guard lock(spansMutex_);
    if (spans_.size() < kMaxSpans)
        spans_.push_back(span);
}

std::vector<PiSpan> PiLane::spans() const {
    const std::lock_guard lock(spansMutex_);
    return spans_;
}

PiLaneFigures PiLane::figures() const {
    for (;;) {
        const std::uint64_t before = version_.load(std::memory_order_acquire);
        const PiLaneFigures figures{
            {samples_.load(std::memory_order_relaxed), hits_.load(std::memory_order_relaxed)},
            double(busyNanos_.load(std::memory_order_relaxed)) / 1e9,
            double(waitNanos_.load(std::memory_order_relaxed)) / 1e9};
        std::atomic_thread_fence(std::memory_order_acquire);
        if (before % 2 == 0 && version_.load(std::memory_order_relaxed) == before)
            return figures;
    }
}

} // namespace stampede
