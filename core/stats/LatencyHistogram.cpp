#include "core/stats/LatencyHistogram.h"

#include <algorithm>
#include <bit>
#include <cmath>

namespace stampede {

LatencyHistogram::LatencyHistogram()
    : counts_(kBucketCount, 0) {}

std::size_t LatencyHistogram::indexOf(std::uint64_t micros) noexcept {
    if (micros < kSubBuckets)
        return static_cast<std::size_t>(micros);
    constexpr std::uint64_t kLimit = (std::uint64_t{1} << (kMaxExponent + 1)) - 1;
    micros = std::min(micros, kLimit);
    const int msb = std::bit_width(micros) - 1;     // >= kSubBucketBits
    const int shift = msb - kSubBucketBits;         // bucket width is 2^shift
    const std::uint64_t mantissa = micros >> shift; // in [128, 256)
    return static_cast<std::size_t>(kSubBuckets + shift * kSubBuckets + (mantissa - kSubBuckets));
}

std::uint64_t LatencyHistogram::lowerBound(std::size_t index) noexcept {
    if (index < kSubBuckets)
        return index;
    const std::size_t shift = (index - kSubBuckets) / kSubBuckets;
    const std::uint64_t mantissa = kSubBuckets + (index - kSubBuckets) % kSubBuckets;
    return mantissa << shift;
}

std::uint64_t LatencyHistogram::upperBound(std::size_t index) noexcept {
    if (index < kSubBuckets)
        return index + 1;
    const std::size_t shift = (index - kSubBuckets) / kSubBuckets;
    return lowerBound(index) + (std::uint64_t{1} << shift);
}

void LatencyHistogram::record(std::chrono::nanoseconds value) noexcept {
    const auto ns = std::max<std::int64_t>(value.count(), 0);
    recordMicros(static_cast<std::uint64_t>((ns + 500) / 1000));
}

void LatencyHistogram::recordMicros(std::uint64_t micros) noexcept {
    ++counts_[indexOf(micros)];
    ++count_;
    min_ = std::min(min_, micros);
    max_ = std::max(max_, micros);
    sum_ += static_cast<long double>(micros);
}

void LatencyHistogram::merge(const LatencyHistogram& other) noexcept {
    for (std::size_t i = 0; i < kBucketCount; ++i)
        counts_[i] += other.counts_[i];
    count_ += other.count_;
    min_ = std::min(min_, other.min_);
    max_ = std::max(max_, other.max_);
    sum_ += other.sum_;
}

void LatencyHistogram::reset() noexcept {
    std::fill(counts_.begin(), counts_.end(), 0);
    count_ = 0;
    min_ = UINT64_MAX;
    max_ = 0;
    sum_ = 0;
}

double LatencyHistogram::mean() const noexcept {
    return count_ ? static_cast<double>(sum_ / static_cast<long double>(count_)) : 0.0;
}

std::uint64_t LatencyHistogram::quantile(double q) const noexcept {
    if (count_ == 0)
        return 0;
    q = std::clamp(q, 0.0, 1.0);
    // The rank of the value asked for, 1-based: p50 of 4 values is the 2nd.
    const auto rank = std::max<std::uint64_t>(
        1, static_cast<std::uint64_t>(std::ceil(q * static_cast<double>(count_))));
    // The extremes are known exactly; a bucket's midpoint would only approximate them.
    if (rank >= count_)
        return max_;
    if (rank == 1)
        return min_;
    std::uint64_t seen = 0;
    for (std::size_t i = 0; i < kBucketCount; ++i) {
        seen += counts_[i];
        if (seen >= rank) {
            // The bucket's midpoint halves the error; clamped to what was really recorded.
            const std::uint64_t mid = (lowerBound(i) + upperBound(i) - 1) / 2;
            return std::clamp(mid, min_, max_);
        }
    }
    return max_;
}

std::vector<LatencyHistogram::Bucket> LatencyHistogram::buckets() const {
    std::vector<Bucket> out;
    for (std::size_t i = 0; i < kBucketCount; ++i)
        if (counts_[i] != 0)
            out.push_back({lowerBound(i), upperBound(i), counts_[i]});
    return out;
}

LatencyHistogram::Parts LatencyHistogram::parts() const {
    Parts out;
    for (std::size_t i = 0; i < kBucketCount; ++i)
        if (counts_[i] != 0)
            out.buckets.emplace_back(i, counts_[i]);
    out.count = count_;
    out.min = min();
    out.max = max_;
    out.sum = static_cast<double>(sum_);
    return out;
}

std::optional<LatencyHistogram> LatencyHistogram::fromParts(const Parts& parts, std::string* why) {
    const auto refuse = [why](std::string reason) -> std::optional<LatencyHistogram> {
        if (why)
            *why = std::move(reason);
        return std::nullopt;
    };
    LatencyHistogram out;
    std::uint64_t total = 0;
    std::size_t previous = 0;
    for (std::size_t k = 0; k < parts.buckets.size(); ++k) {
        const auto [index, count] = parts.buckets[k];
        if (index >= kBucketCount)
            return refuse("bucket " + std::to_string(index) + " is beyond the last, " +
                          std::to_string(kBucketCount - 1));
        if (k > 0 && index <= previous)
            return refuse("bucket " + std::to_string(index) + " comes after bucket " +
                          std::to_string(previous) + ": buckets go in ascending order, once each");
        if (count == 0)
            return refuse("bucket " + std::to_string(index) +
                          " holds nothing: only non-empty "
                          "buckets are written");
        out.counts_[index] = count;
        total += count;
        previous = index;
    }
    if (total != parts.count)
        return refuse("the buckets hold " + std::to_string(total) + " values, the count says " +
                      std::to_string(parts.count));
    if (parts.count > 0) {
        const std::size_t first = parts.buckets.front().first;
        const std::size_t last = parts.buckets.back().first;
        if (parts.min > parts.max || indexOf(parts.min) != first || indexOf(parts.max) != last)
            return refuse("min " + std::to_string(parts.min) + " and max " +
                          std::to_string(parts.max) + " µs lie outside the first and last buckets");
        if (!(parts.sum >= double(parts.min) * double(parts.count) * (1 - 1e-9)) ||
            !(parts.sum <= double(parts.max) * double(parts.count) * (1 + 1e-9)))
            return refuse("the sum does not lie between count × min and count × max");
        out.min_ = parts.min;
        out.max_ = parts.max;
        out.sum_ = parts.sum;
    }
    out.count_ = parts.count;
    return out;
}

} // namespace stampede
