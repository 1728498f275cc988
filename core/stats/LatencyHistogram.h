#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace stampede {

// A log-linear latency histogram in the spirit of HdrHistogram: values in microseconds,
// exact below 128 µs, then 128 sub-buckets per power of two, so any value is known within
// 1/128 (< 0.8 %) from 1 µs to 71 minutes. Fixed memory (~26 KiB), O(1) to record, and
// mergeable by adding counts — never a vector of every sample.
class LatencyHistogram {
public:
    static constexpr int kSubBucketBits = 7;
    static constexpr std::uint64_t kSubBuckets = 1u << kSubBucketBits; // 128
    static constexpr int kMaxExponent = 31;                            // values < 2^32 µs
    static constexpr std::size_t kBucketCount =
        kSubBuckets + (kMaxExponent - kSubBucketBits + 1) * kSubBuckets;

    LatencyHistogram();

    void record(std::chrono::nanoseconds value) noexcept;
    void recordMicros(std::uint64_t micros) noexcept;
    void merge(const LatencyHistogram& other) noexcept;
    void reset() noexcept;

    std::uint64_t count() const noexcept { return count_; }
    // Microseconds, all with the histogram's precision except min and max, which are exact.
    double mean() const noexcept;
    std::uint64_t min() const noexcept { return count_ ? min_ : 0; }
    std::uint64_t max() const noexcept { return max_; }
    // The value below which a fraction q (0..1) of the recorded values lie.
    std::uint64_t quantile(double q) const noexcept;

    // For drawing: each non-empty bucket's [lower, upper) bounds in µs and its count.
    struct Bucket {
        std::uint64_t lower;
        std::uint64_t upper;
        std::uint64_t count;
    };
    std::vector<Bucket> buckets() const;

    // What a file keeps of a histogram: its non-empty buckets by index, and what the buckets
    // alone would lose (the exact extremes and sum), so percentiles read back are the same.
    struct Parts {
        std::vector<std::pair<std::size_t, std::uint64_t>> buckets; // index, count; ascending
        std::uint64_t count = 0;
        std::uint64_t min = 0;
        std::uint64_t max = 0;
        double sum = 0; // µs
    };
    Parts parts() const;
    // The histogram of `parts`, or why they do not make one: an index out of range or out of
    // order, bucket counts that do not add up to `count`, extremes outside their buckets.
    static std::optional<LatencyHistogram> fromParts(const Parts& parts, std::string* why);

    static std::size_t indexOf(std::uint64_t micros) noexcept;
    static std::uint64_t lowerBound(std::size_t index) noexcept;
    static std::uint64_t upperBound(std::size_t index) noexcept; // exclusive

private:
    std::vector<std::uint64_t> counts_;
    std::uint64_t count_ = 0;
    std::uint64_t min_ = UINT64_MAX;
    std::uint64_t max_ = 0;
    long double sum_ = 0;
};

} // namespace stampede
