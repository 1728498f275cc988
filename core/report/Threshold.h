#pragma once

#include "core/engine/RunSnapshot.h"

#include <string>
#include <string_view>
#include <variant>

namespace stampede {

struct ThresholdResult {
    bool passed = false;
    std::string text; // "p99 = 312.4 ms (limit < 250 ms): FAILED"
};

// A pass/fail rule on a finished run, written as in k6: METRIC OP VALUE[UNIT], e.g.
// "p99<250ms", "errors<1%", "rps>1000". Latency metrics (p50 p75 p90 p95 p99 p999 p99.9 max
// mean) take us, ms (the default) or s and read `final.latency`, which for the open model is
// corrected for coordinated omission; `errors` is a count, or with % a share of requests;
// `rps` and `requests` are plain numbers. OP is <, <=, > or >=.
class Threshold {
public:
    // The threshold, or why the text is not one.
    static std::variant<Threshold, std::string> parse(std::string_view text);

    ThresholdResult evaluate(const RunReport& report) const;
    const std::string& text() const { return text_; }

private:
    enum class Metric { Quantile, Max, Mean, Errors, ErrorPercent, Rps, Requests };
    enum class Op { Less, LessEqual, Greater, GreaterEqual };

    Threshold() = default;
    bool holds(double actual) const;
    std::string describeLimit() const;

    std::string text_;
    std::string metricName_; // as written, e.g. "p99.9"
    Metric metric_ = Metric::Quantile;
    double quantile_ = 0;
    Op op_ = Op::Less;
    std::string opText_;
    double limit_ = 0;
    std::string limitText_; // the number as written, so "250.55" is not shown rounded
    std::string unit_;      // "us", "ms", "s", "%" or ""
    double microsPerUnit_ = 1000;
};

} // namespace stampede
