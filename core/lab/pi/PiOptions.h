#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace stampede {

// One Monte Carlo π run. The same seed, threads and samples always give the same estimate:
// thread i draws its own stream, SplitMix64::streamOrigin(seed, i), and its share of the
// samples does not depend on timing.
struct PiOptions {
    static constexpr int kMaxThreads = 64;
    static constexpr std::uint64_t kMaxSamples = 1'000'000'000'000ULL;
    // A chunk is the unit between progress updates and stop checks: at ~250 M samples/s per
    // core, 10^7 keeps Stop well under a tenth of a second.
    static constexpr std::uint64_t kMaxChunk = 10'000'000;
    // A standard error read from fewer samples is itself too noisy to stop on (one lucky
    // first hit would claim an error of 0).
    static constexpr std::uint64_t kMinSamplesForTarget = 10'000;

    int threads = 2;
    // Without a target: the exact total. With one: the most to draw before giving up.
    std::uint64_t samples = 1'000'000'000;
    std::uint64_t chunk = 1'000'000;
    // Stop at the first round where the standard error is below this.
    std::optional<double> targetError;
    std::uint64_t seed = 1;
    // Every worker holds one global lock while it draws a chunk, as CPython's threads hold the
    // GIL while they run Python code: the lesson of the course's PiEstimator timings.
    bool gil = false;

    // Why these settings cannot run, naming the field; nothing when they can.
    std::optional<std::string> problem() const;

    // With a target, threads draw in rounds of one chunk each; the cap rounds up to whole
    // rounds so every thread draws the same amount.
    std::uint64_t maxRounds() const;
};

} // namespace stampede
