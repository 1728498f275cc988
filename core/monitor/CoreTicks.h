#pragma once

#include <cstdint>

namespace stampede {

// One `cpuN` line of /proc/stat reduced to what utilisation needs: cumulative ticks spent
// busy and in total since boot.
struct CoreTicks {
    int core = 0;
    std::uint64_t busy = 0;
    std::uint64_t total = 0;
};

} // namespace stampede
