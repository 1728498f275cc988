#pragma once

#include <chrono>
#include <random>
#include <string>
#include <string_view>
#include <variant>

namespace stampede {

// A latency distribution the target applies before answering, written as
// "fixed:MS", "uniform:A-B" or "exp:MEAN" (milliseconds, decimals allowed). Teaching aid:
// the same load test against fixed and exponential latency shows why p99 differs from p50.
class LatencySpec {
public:
    // Longest latency any spec may produce, so a typo cannot park a connection for hours.
    static constexpr double kMaxMs = 60'000.0;

    struct ParseResult;
    static ParseResult parse(std::string_view text);

    std::chrono::microseconds sample(std::mt19937_64& rng) const;
    std::string describe() const;

private:
    enum class Kind { Fixed, Uniform, Exponential };
    LatencySpec(Kind kind, double a, double b)
        : kind_(kind)
        , a_(a)
        , b_(b) {}

    Kind kind_ = Kind::Fixed;
    double a_ = 0; // fixed value, lower bound or mean (ms)
    double b_ = 0; // upper bound of uniform (ms)
};

struct LatencySpec::ParseResult {
    std::variant<LatencySpec, std::string> value; // the spec, or why the text is not one

    bool ok() const { return std::holds_alternative<LatencySpec>(value); }
    const LatencySpec& spec() const { return std::get<LatencySpec>(value); }
    const std::string& error() const { return std::get<std::string>(value); }
};

} // namespace stampede
