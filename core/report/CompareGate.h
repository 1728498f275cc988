#pragma once

#include "core/report/RunComparison.h"

#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace stampede {

// One gate's verdict on one run compared with the first.
struct GateResult {
    std::string gate;   // as written, e.g. "p99>+10%"
    std::string run;    // the run judged (RunComparison::names)
    bool passed = true; // the run did not regress this way
    std::string text;   // "p99>+10%: b.json 12.4 ms against 10.1 ms (+22.8 %): FAILED"
};

// A regression gate for CI, as k6 users write thresholds but on the change from a baseline:
// FIGURE OP CHANGE, e.g. "p99>+10%" (fails when p99 grew by more than 10 %), "rps<-5%" (fails
// when throughput fell by more than 5 %), "errors>+0.5pp" (the error rate grew by more than
// half a percentage point), "p99>+20ms". FIGURE is a RunComparison key (rps, requests,
// iterations_per_s, errors, error_rate, mean, p50, p90, p95, p99, p99.9 or p999, max,
// steps[i].p99, steps[i].error_rate); `errors` with % or pp means the error rate. CHANGE is
// signed; % is relative to the first run, pp is percentage points of a rate, ms, us and s are
// absolute times, and a plain number is an absolute change. OP is >, >=, < or <=.
class CompareGate {
public:
    // The gate, or why the text is not one.
    static std::variant<CompareGate, std::string> parse(std::string_view text);

    // One result per run after the first. A figure the comparison lacks (a step of flows that
    // differ) fails, saying so: a gate that cannot be judged must not pass in silence.
    std::vector<GateResult> evaluate(const RunComparison& comparison) const;
    const std::string& text() const { return text_; }

private:
    enum class Op { Greater, GreaterEqual, Less, LessEqual };
    enum class Kind { Relative, Absolute };

    CompareGate() = default;
    bool breached(double change) const;

    std::string text_;
    std::string key_; // the RunComparison figure
    Op op_ = Op::Greater;
    Kind kind_ = Kind::Relative;
    double change_ = 0;   // in % (relative) or the figure's unit (absolute)
    double toFigure_ = 1; // a unit written in the gate to the figure's unit (us → ms: 0.001)
};

} // namespace stampede
