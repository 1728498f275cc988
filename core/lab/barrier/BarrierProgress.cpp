#include "core/lab/barrier/BarrierProgress.h"

#include <algorithm>

namespace stampede {

double BarrierProgress::latestArrivalMs(int phase) const {
    double latest = -1;
    for (const auto& thread : timings)
        latest = std::max(latest, thread[std::size_t(phase)].arrivedMs);
    return latest;
}

int BarrierProgress::slowestThread(int phase) const {
    if (phase < 0 || phase >= phasesReleased())
        return -1;
    int slowest = -1;
    double latest = -1;
    for (std::size_t t = 0; t < timings.size(); ++t)
        if (timings[t][std::size_t(phase)].arrivedMs > latest) {
            latest = timings[t][std::size_t(phase)].arrivedMs;
            slowest = int(t);
        }
    return slowest;
}

double BarrierProgress::waitedMs(int phase) const {
    double total = 0;
    for (const auto& thread : timings)
        total += thread[std::size_t(phase)].waitMs();
    return total;
}

double BarrierProgress::totalWaitedMs() const {
    double total = 0;
    for (int phase = 0; phase < phases; ++phase)
        total += waitedMs(phase);
    return total;
}

int BarrierProgress::earlyReleases() const {
    int early = 0;
    for (int phase = 0; phase < phases; ++phase) {
        const double latest = latestArrivalMs(phase);
        for (const auto& thread : timings)
            if (thread[std::size_t(phase)].continued() &&
                thread[std::size_t(phase)].continuedMs < latest)
                ++early;
    }
    return early;
}

} // namespace stampede
