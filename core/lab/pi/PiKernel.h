#pragma once

#include <cstdint>

namespace stampede {

// The hot loop of the Monte Carlo π demo: draws `count` points of the SplitMix64 stream that
// continues after `state` (see SplitMix64::next) and returns how many fall inside the quarter
// circle. Each point takes 31 bits for x and 31 for y, so x² + y² < 2^62 is exact in 64-bit
// integers. The caller advances its state by count · SplitMix64::kGamma.
std::uint64_t piKernelHits(std::uint64_t state, std::uint64_t count);

} // namespace stampede
