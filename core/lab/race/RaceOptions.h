#pragma once

#include "core/lab/race/RaceMode.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace stampede {

// What one press of Start (or one `stampede demo race`) runs.
struct RaceOptions {
    static constexpr int kMaxThreads = 64;
    static constexpr std::uint64_t kMaxIncrements = 1'000'000'000;
    // The sweep's sizes: 1, 10, …, this.
    static constexpr std::uint64_t kSweepLargest = 1'000'000;

    int threads = 2;
    std::uint64_t increments = 1'000'000; // per thread
    std::vector<RaceMode> modes{kRaceModes.begin(), kRaceModes.end()};
    bool sweep = false;  // the unsynchronised mode at every size of the sweep
    bool wallet = false; // the wallet, unlocked and locked

    std::optional<std::string> problem() const;
};

} // namespace stampede
