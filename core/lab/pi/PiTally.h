#pragma once

#include <cmath>
#include <cstdint>

namespace stampede {

// Samples drawn and hits inside the quarter circle, and what they say about π.
struct PiTally {
    std::uint64_t samples = 0;
    std::uint64_t hits = 0;

    // Hits estimate the quarter circle's share of the square, π/4.
    double estimate() const { return samples ? 4.0 * double(hits) / double(samples) : 0.0; }

    // Each sample is a coin toss that lands inside with p = π/4, so the hit share has standard
    // deviation sqrt(p(1-p)/n) and the estimate four times that: the band narrows as 1/√n,
    // a hundred times more samples for one more correct digit.
    double standardError() const {
        if (samples == 0)
            return 0.0;
        const double p = double(hits) / double(samples);
        return 4.0 * std::sqrt(p * (1.0 - p) / double(samples));
    }

    PiTally& operator+=(const PiTally& other) {
        samples += other.samples;
        hits += other.hits;
        return *this;
    }
};

} // namespace stampede
