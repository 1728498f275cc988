#include "core/report/Threshold.h"

#include "core/text/AsciiText.h"
#include "core/text/ParseNumber.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>

namespace stampede {
namespace {

constexpr std::string_view kMetricList =
    "p50, p75, p90, p95, p99, p999 (or p99.9), max, mean, errors, rps or requests";

// Takes the leading characters for which `accept` holds off `text`.
std::string_view takeWhile(std::string_view& text, auto accept) {
    std::size_t n = 0;
    while (n < text.size() && accept(static_cast<unsigned char>(text[n])))
        ++n;
    const std::string_view taken = text.substr(0, n);
    text.remove_prefix(n);
    return taken;
}

// Enough digits to compare with a limit by eye, no more: 312.4, 12.35, 0.043.
std::string shown(double value) {
    const double magnitude = value < 0 ? -value : value;
    const int decimals = magnitude >= 10 ? 1 : magnitude >= 1 ? 2 : 3;
    std::array<char, 64> buffer{};
    std::snprintf(buffer.data(), buffer.size(), "%.*f", decimals, value);
    std::string text(buffer.data());
    if (text.find('.') != std::string::npos) {
        text.erase(text.find_last_not_of('0') + 1);
        if (text.back() == '.')
            text.pop_back();
    }
    return text;
}

struct QuantileName {
    std::string_view name;
    double quantile;
};
constexpr std::array<QuantileName, 7> kQuantiles = {{{"p50", 0.50},
                                                     {"p75", 0.75},
                                                     {"p90", 0.90},
                                                     {"p95", 0.95},
                                                     {"p99", 0.99},
                                                     {"p999", 0.999},
                                                     {"p99.9", 0.999}}};

struct TimeUnit {
    std::string_view name;
    double micros;
};
constexpr std::array<TimeUnit, 3> kTimeUnits = {{{"us", 1}, {"ms", 1e3}, {"s", 1e6}}};

} // namespace

std::variant<Threshold, std::string> Threshold::parse(std::string_view text) {
    std::string_view rest = trimmed(text);
    if (rest.empty())
        return std::string("empty threshold; write METRIC OP VALUE, e.g. p99<250ms");
    Threshold t;
    t.text_ = std::string(rest);

    t.metricName_ = lowered(
        takeWhile(rest, [](unsigned char c) { return std::isalnum(c) || c == '.' || c == '_'; }));
    if (t.metricName_.empty())
        return "\"" + t.text_ + "\" does not start with a metric; use " + std::string(kMetricList);
    const std::string& name = t.metricName_;
    bool latency = false;
    if (name == "max" || name == "mean") {
        t.metric_ = name == "max" ? Metric::Max : Metric::Mean;
        latency = true;
    } else if (name == "errors") {
        t.metric_ = Metric::Errors;
    } else if (name == "rps") {
        t.metric_ = Metric::Rps;
    } else if (name == "requests") {
        t.metric_ = Metric::Requests;
    } else {
        const auto* found = std::find_if(kQuantiles.begin(), kQuantiles.end(),
                                         [&](const QuantileName& q) { return q.name == name; });
        if (found == kQuantiles.end())
            return "unknown metric \"" + name + "\"; use " + std::string(kMetricList);
        t.metric_ = Metric::Quantile;
        t.quantile_ = found->quantile;
        latency = true;
    }

    rest = trimmed(rest);
    for (auto [opText, op] : {std::pair{"<=", Op::LessEqual}, std::pair{">=", Op::GreaterEqual},
                              std::pair{"<", Op::Less}, std::pair{">", Op::Greater}}) {
        if (rest.starts_with(opText)) {
            t.op_ = op;
            t.opText_ = opText;
            rest.remove_prefix(t.opText_.size());
            break;
        }
    }
    if (t.opText_.empty()) {
        if (rest.empty())
            return name + " needs an operator and a limit, e.g. " + name + "<" +
                   (latency            ? "250ms"
                    : name == "errors" ? "1%"
                                       : "1000");
        return "expected <, <=, > or >= after " + name + ", not \"" + std::string(rest) + "\"";
    }

    rest = trimmed(rest);
    const std::string_view number =
        takeWhile(rest, [](unsigned char c) { return std::isdigit(c) || c == '.'; });
    if (number.empty())
        return rest.empty() ? "missing a limit after " + name + t.opText_
                            : "expected a number after " + name + t.opText_ + ", not \"" +
                                  std::string(rest) + "\"";
    const auto limit = parseDecimal(number, 0, 1e15);
    if (!limit)
        return "\"" + std::string(number) + "\" is not a number";
    t.limit_ = *limit;
    t.limitText_ = std::string(number);
    t.unit_ = lowered(trimmed(rest));

    if (latency) {
        if (t.unit_.empty())
            t.unit_ = "ms";
        if (t.unit_ == "µs")
            t.unit_ = "us";
        const auto* unit = std::find_if(kTimeUnits.begin(), kTimeUnits.end(),
                                        [&](const TimeUnit& u) { return u.name == t.unit_; });
        if (unit == kTimeUnits.end())
            return name + " takes a time in us, ms or s (no unit means ms), not \"" + t.unit_ +
                   "\"";
        t.microsPerUnit_ = unit->micros;
    } else if (t.metric_ == Metric::Errors) {
        if (t.unit_ == "%") {
            t.metric_ = Metric::ErrorPercent;
            if (t.limit_ > 100)
                return "an error percentage is at most 100, not " + t.limitText_;
        } else if (!t.unit_.empty()) {
            return "errors takes a count (errors<10) or a percentage (errors<1%), not \"" +
                   t.unit_ + "\"";
        }
    } else if (!t.unit_.empty()) {
        return name + " takes a plain number, not \"" + t.unit_ + "\"";
    }
    return t;
}

bool Threshold::holds(double actual) const {
    switch (op_) {
    case Op::Less:
        return actual < limit_;
    case Op::LessEqual:
        return actual <= limit_;
    case Op::Greater:
        return actual > limit_;
    case Op::GreaterEqual:
        return actual >= limit_;
    }
    return false;
}

std::string Threshold::describeLimit() const {
    const std::string unit = unit_.empty() ? "" : unit_ == "%" ? "%" : " " + unit_;
    return "(limit " + opText_ + " " + limitText_ + unit + ")";
}

ThresholdResult Threshold::evaluate(const RunReport& report) const {
    const RunSnapshot& run = report.final;
    const LatencyHistogram& latency = run.latency;
    double actual = 0;
    switch (metric_) {
    case Metric::Quantile:
    case Metric::Max:
    case Metric::Mean:
        if (latency.count() == 0)
            return {false, metricName_ + ": no requests completed " + describeLimit() + ": FAILED"};
        actual = metric_ == Metric::Max    ? double(latency.max())
                 : metric_ == Metric::Mean ? latency.mean()
                                           : double(latency.quantile(quantile_));
        actual /= microsPerUnit_;
        break;
    case Metric::Errors:
        actual = double(run.errors);
        break;
    case Metric::ErrorPercent:
        // No requests, no errors: a run that sent nothing is judged by its other thresholds.
        actual = run.errorPercent();
        break;
    case Metric::Rps:
        actual = run.rps();
        break;
    case Metric::Requests:
        actual = double(run.requests);
        break;
    }
    const bool passed = holds(actual);
    const std::string unit = unit_.empty() ? "" : unit_ == "%" ? "%" : " " + unit_;
    return {passed, metricName_ + " = " + shown(actual) + unit + " " + describeLimit() + ": " +
                        (passed ? "passed" : "FAILED")};
}

} // namespace stampede
