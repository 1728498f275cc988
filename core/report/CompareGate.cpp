#include "core/report/CompareGate.h"

#include "core/report/ComparisonText.h"
#include "core/text/AsciiText.h"
#include "core/text/ParseNumber.h"
#include "core/text/Printf.h"

#include <cctype>
#include <cmath>
#include <limits>

namespace stampede {
namespace {

constexpr std::string_view kFigures = "rps, requests, iterations_per_s, errors, error_rate, mean, "
                                      "p50, p90, p95, p99, p99.9, max, steps[i].p99 or "
                                      "steps[i].error_rate";

bool latencyKey(std::string_view key) {
    return key == "mean" || key == "max" || key == "p50" || key == "p90" || key == "p95" ||
           key == "p99" || key == "p99.9" || key.ends_with(".p99");
}

bool rateKey(std::string_view key) {
    return key == "error_rate" || key.ends_with(".error_rate");
}

bool knownKey(std::string_view key) {
    return latencyKey(key) || rateKey(key) || key == "rps" || key == "requests" ||
           key == "iterations_per_s" || key == "errors";
}

} // namespace

std::variant<CompareGate, std::string> CompareGate::parse(std::string_view text) {
    std::string_view rest = trimmed(text);
    if (rest.empty())
        return std::string("empty gate; write FIGURE OP CHANGE, e.g. p99>+10%");
    CompareGate g;
    g.text_ = std::string(rest);
    std::size_t n = 0;
    while (n < rest.size() && rest[n] != '<' && rest[n] != '>')
        ++n;
    g.key_ = lowered(trimmed(rest.substr(0, n)));
    rest.remove_prefix(n);
    if (g.key_ == "p999")
        g.key_ = "p99.9";
    if (g.key_.empty())
        return "\"" + g.text_ + "\" does not start with a figure; use " + std::string(kFigures);
    if (!knownKey(g.key_))
        return "unknown figure \"" + g.key_ + "\"; use " + std::string(kFigures);
    if (rest.empty())
        return g.key_ + " needs an operator and a change, e.g. " + g.key_ + ">+10%";
    for (auto [opText, op] : {std::pair{">=", Op::GreaterEqual}, std::pair{"<=", Op::LessEqual},
                              std::pair{">", Op::Greater}, std::pair{"<", Op::Less}})
        if (rest.starts_with(opText)) {
            g.op_ = op;
            rest.remove_prefix(std::string_view(opText).size());
            break;
        }
    rest = trimmed(rest);
    double sign = 1;
    if (!rest.empty() && (rest.front() == '+' || rest.front() == '-')) {
        sign = rest.front() == '-' ? -1 : 1;
        rest.remove_prefix(1);
    }
    n = 0;
    while (n < rest.size() && (std::isdigit(static_cast<unsigned char>(rest[n])) || rest[n] == '.'))
        ++n;
    const auto number = parseDecimal(rest.substr(0, n), 0, 1e15);
    if (!number)
        return "expected a signed change after the operator in \"" + g.text_ +
               "\", e.g. +10%, -5% or +0.5pp";
    g.change_ = sign * *number;
    std::string unit = lowered(trimmed(rest.substr(n)));
    if (unit == "µs")
        unit = "us";

    if (unit == "%") {
        g.kind_ = Kind::Relative;
        if (g.key_ == "errors")
            g.key_ = "error_rate";
        return g;
    }
    g.kind_ = Kind::Absolute;
    if (unit == "pp") {
        if (g.key_ == "errors")
            g.key_ = "error_rate";
        if (!rateKey(g.key_))
            return "pp (percentage points) is for error rates, not " + g.key_;
        return g;
    }
    if (latencyKey(g.key_)) {
        if (unit == "ms" || unit.empty())
            g.toFigure_ = 1;
        else if (unit == "us")
            g.toFigure_ = 1e-3;
        else if (unit == "s")
            g.toFigure_ = 1e3;
        else
            return g.key_ + " changes by %, or by a time in us, ms or s, not \"" + unit + "\"";
        return g;
    }
    if (rateKey(g.key_))
        return g.key_ + " changes by % (relative) or pp (percentage points), not \"" + unit + "\"";
    if (!unit.empty())
        return g.key_ + " changes by % or by a plain number, not \"" + unit + "\"";
    return g;
}

bool CompareGate::breached(double change) const {
    switch (op_) {
    case Op::Greater:
        return change > change_;
    case Op::GreaterEqual:
        return change >= change_;
    case Op::Less:
        return change < change_;
    case Op::LessEqual:
        return change <= change_;
    }
    return true;
}

std::vector<GateResult> CompareGate::evaluate(const RunComparison& comparison) const {
    std::vector<GateResult> out;
    const ComparedFigure* figure = comparison.figure(key_);
    for (std::size_t i = 1; i < comparison.names.size(); ++i) {
        GateResult result{text_, comparison.names[i], false, {}};
        if (!figure) {
            result.text = text_ + ": " + result.run + " has no " + key_ +
                          " to compare (the runs' steps differ): FAILED";
            out.push_back(std::move(result));
            continue;
        }
        const double base = figure->values[0];
        const double value = figure->values[i];
        const std::string against = result.run + " " + comparedValueText(*figure, i) + " against " +
                                    comparedValueText(*figure, 0);
        if (std::isnan(base) || std::isnan(value)) {
            // A run without a response has no latency: it can neither pass nor breach.
            result.text = text_ + ": " + against + ": not comparable: FAILED";
            out.push_back(std::move(result));
            continue;
        }
        std::string change;
        double measured = 0;
        if (kind_ == Kind::Relative) {
            if (figure->percent[i]) {
                measured = *figure->percent[i];
                change = printed("%+.1f %%", measured);
            } else {
                // From zero, any growth is without bound and no change is none.
                measured = value == 0  ? 0
                           : value > 0 ? std::numeric_limits<double>::infinity()
                                       : -std::numeric_limits<double>::infinity();
                change = value == 0 ? "no change from 0" : "from 0";
            }
        } else {
            measured = figure->absolute[i] / toFigure_;
            change = printed("%+.2f", figure->absolute[i]) + (figure->unit.empty() ? ""
                                                              : figure->unit == "%"
                                                                  ? " pp"
                                                                  : " " + figure->unit);
        }
        result.passed = !breached(measured);
        result.text =
            text_ + ": " + against + " (" + change + "): " + (result.passed ? "ok" : "FAILED");
        out.push_back(std::move(result));
    }
    return out;
}

} // namespace stampede
