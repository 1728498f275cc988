#include "core/lab/queue/QueueProgress.h"

#include <algorithm>
#include <cmath>

namespace stampede {

std::vector<QueueRate> QueueProgress::rates(double binMs) const {
    std::vector<QueueRate> rates;
    if (binMs <= 0 || elapsedMs <= 0)
        return rates;
    const double fullBins = std::floor(elapsedMs / binMs);
    const auto bins = static_cast<std::size_t>(ended() ? std::ceil(elapsedMs / binMs) : fullBins);
    std::vector<std::int64_t> puts(bins), takes(bins);
    std::int64_t put = 0, taken = 0;
    for (const QueueSample& s : queue.samples) {
        const auto bin = static_cast<std::size_t>(std::max(0.0, s.ms) / binMs);
        if (bin < bins) {
            puts[bin] += s.put - put;
            takes[bin] += s.taken - taken;
        }
        put = s.put;
        taken = s.taken;
    }
    for (std::size_t b = 0; b < bins; ++b) {
        const double from = double(b) * binMs;
        const double length = std::min(binMs, elapsedMs - from);
        if (length <= 0)
            break;
        rates.push_back(
            {from + length / 2, double(puts[b]) * 1000 / length, double(takes[b]) * 1000 / length});
    }
    return rates;
}

double QueueProgress::producedPerSecond() const {
    return elapsedMs > 0 ? double(produced) * 1000 / elapsedMs : 0;
}

double QueueProgress::consumedPerSecond() const {
    return elapsedMs > 0 ? double(consumed) * 1000 / elapsedMs : 0;
}

double QueueProgress::waitedMs(QueueRole role) const {
    double total = 0;
    for (const QueueLane& lane : lanes)
        if (lane.role == role)
            for (const QueueSpan& span : lane.spans)
                if (span.kind == QueueSpan::BlockedFull || span.kind == QueueSpan::WaitEmpty)
                    total += span.toMs - span.fromMs;
    return total;
}

} // namespace stampede
