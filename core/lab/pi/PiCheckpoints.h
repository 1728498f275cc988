#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace stampede {

// Where a run records the early points of its convergence curve. The GUI polls ten times a
// second, by when a run has drawn ~10^8 samples; the big early swings at 10^3 … 10^7 that give
// the 1/√n funnel its meaning would never be seen. So every worker records its cumulative hits
// at fixed sample counts, the same for all workers of a run, and checkpoint i of all workers
// together is the estimate at exactly threads × count(i) samples: deterministic, like the rest.
class PiCheckpoints {
public:
    // Ten per decade of the run's total, from 10^3 to 10^8, where polling takes over.
    static constexpr int kPerDecade = 10;
    static constexpr int kFirstDecade = 3;
    static constexpr int kLastDecade = 8;
    static constexpr std::size_t kMaxCount = (kLastDecade - kFirstDecade) * kPerDecade + 1;

    // The per-worker sample counts for a run on `threads` threads, strictly increasing; totals
    // below one sample per worker are left out.
    static std::vector<std::uint64_t> perWorker(int threads);
};

} // namespace stampede
