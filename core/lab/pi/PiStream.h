#pragma once

#include "core/lab/pi/PiTally.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace stampede {

class PiLane;

// One worker's walk along its own SplitMix64 stream. It draws in whatever pieces it is asked
// for, but stops on the way at each checkpoint to record it in the worker's lane: the hits at
// a count do not depend on how the drawing was cut up, so neither chunk size nor checkpoints
// change any figure.
class PiStream {
public:
    // `checkpoints` (per-worker sample counts, increasing) and `lane` must outlive the stream.
    PiStream(std::uint64_t origin, const std::vector<std::uint64_t>& checkpoints, PiLane& lane);

    void draw(std::uint64_t count);
    const PiTally& tally() const { return tally_; }

private:
    std::uint64_t state_;
    PiTally tally_;
    const std::vector<std::uint64_t>& checkpoints_;
    std::size_t nextCheckpoint_ = 0;
    PiLane& lane_;
};

} // namespace stampede
