#pragma once

#include <cstdint>

namespace stampede {

// SplitMix64 (Steele, Lea and Flood, 2014): a Weyl counter passed through a strong 64-bit
// mixer. Output n is a pure function of the origin and n, so a thread owns its whole stream
// without state shared with another, and a loop over consecutive outputs has no dependency
// from one iteration to the next, which is what lets the compiler vectorise it.
class SplitMix64 {
public:
    static constexpr std::uint64_t kGamma = 0x9e3779b97f4a7c15ULL;

    explicit constexpr SplitMix64(std::uint64_t state)
        : state_(state) {}

    constexpr std::uint64_t next() {
        state_ += kGamma;
        return mix(state_);
    }
    constexpr std::uint64_t state() const { return state_; }

    static constexpr std::uint64_t mix(std::uint64_t z) {
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }

    // Where stream `index` of `seed` starts: a mixed, so effectively random, point on the
    // 2^64-long cycle. Two streams of 10^10 samples overlap with odds near 10^-9.
    static constexpr std::uint64_t streamOrigin(std::uint64_t seed, std::uint64_t index) {
        return mix(seed + index);
    }

private:
    std::uint64_t state_;
};

} // namespace stampede
