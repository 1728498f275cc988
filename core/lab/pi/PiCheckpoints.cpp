#include "core/lab/pi/PiCheckpoints.h"

#include <cmath>

namespace stampede {

std::vector<std::uint64_t> PiCheckpoints::perWorker(int threads) {
    std::vector<std::uint64_t> counts;
    for (std::size_t i = 0; i < kMaxCount; ++i) {
        const double total = std::pow(10.0, kFirstDecade + double(i) / kPerDecade);
        const std::uint64_t count = std::uint64_t(std::llround(total)) / std::uint64_t(threads);
        if (count > 0 && (counts.empty() || count > counts.back()))
            counts.push_back(count);
    }
    return counts;
}

} // namespace stampede
