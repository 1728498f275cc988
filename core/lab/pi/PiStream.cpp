#include "core/lab/pi/PiStream.h"

#include "core/lab/pi/PiKernel.h"
#include "core/lab/pi/PiLane.h"
#include "core/lab/pi/SplitMix64.h"

#include <algorithm>

namespace stampede {

PiStream::PiStream(std::uint64_t origin, const std::vector<std::uint64_t>& checkpoints,
                   PiLane& lane)
    : state_(origin)
    , checkpoints_(checkpoints)
    , lane_(lane) {}

void PiStream::draw(std::uint64_t count) {
    const std::uint64_t end = tally_.samples + count;
    while (tally_.samples < end) {
        const bool checkpointAhead = nextCheckpoint_ < checkpoints_.size();
        const std::uint64_t upTo =
            checkpointAhead ? std::min(end, checkpoints_[nextCheckpoint_]) : end;
        const std::uint64_t piece = upTo - tally_.samples;
        tally_.hits += piKernelHits(state_, piece);
        tally_.samples += piece;
        state_ += piece * SplitMix64::kGamma;
        if (checkpointAhead && tally_.samples == checkpoints_[nextCheckpoint_]) {
            lane_.recordCheckpoint(tally_.hits);
            ++nextCheckpoint_;
        }
    }
}

} // namespace stampede
