#include "core/report/RunComparison.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <functional>
#include <limits>

namespace stampede {
namespace {

struct Quantile {
    const char* key;
    const char* label;
    double q;
};
constexpr Quantile kQuantiles[] = {{"p50", "p50 latency", 0.50},
                                   {"p90", "p90 latency", 0.90},
                                   {"p95", "p95 latency", 0.95},
                                   {"p99", "p99 latency", 0.99},
                                   {"p99.9", "p99.9 latency", 0.999}};

double ms(std::uint64_t micros) {
    return double(micros) / 1000.0;
}

// A latency figure of `histogram` in ms, or NaN when it holds no response to measure.
double latencyMs(const LatencyHistogram& histogram, const std::function<double()>& figure) {
    return histogram.count() > 0 ? figure() : std::numeric_limits<double>::quiet_NaN();
}

double errorRate(std::uint64_t errors, std::uint64_t requests) {
    return requests ? 100.0 * double(errors) / double(requests) : 0.0;
}

Verdict verdictOf(Better better, double base, double value) {
    // A latency of a run without a response is no value, not 0 ms: never "better".
    if (std::isnan(base) || std::isnan(value))
        return std::isnan(base) && std::isnan(value) ? Verdict::Same : Verdict::Changed;
    // Figures are computed the same way for every run, so equal inputs give equal doubles.
    if (value == base)
        return Verdict::Same;
    if (better == Better::Neither)
        return Verdict::Changed;
    return (value > base) == (better == Better::Higher) ? Verdict::Better : Verdict::Worse;
}

ComparedFigure figureOf(const std::vector<RunReport>& runs, std::string key, std::string label,
                        std::string unit, Better better,
                        const std::function<double(const RunReport&)>& value) {
    ComparedFigure figure{
        std::move(key), std::move(label), std::move(unit), better, {}, {}, {}, {}};
    for (const RunReport& run : runs)
        figure.values.push_back(value(run));
    const double base = figure.values.front();
    for (const double v : figure.values) {
        figure.absolute.push_back(v - base);
        figure.percent.push_back(base != 0 && !std::isnan(base) && !std::isnan(v)
                                     ? std::optional(100.0 * (v - base) / std::abs(base))
                                     : std::nullopt);
        figure.verdicts.push_back(verdictOf(better, base, v));
    }
    return figure;
}

bool sameSteps(const std::vector<RunReport>& runs) {
    const auto names = [](const RunReport& run) {
        std::vector<std::string> out;
        for (const Step& step : run.plan.steps)
            out.push_back(step.name);
        return out;
    };
    const auto first = names(runs.front());
    return first.size() > 1 && std::all_of(runs.begin(), runs.end(), [&](const RunReport& run) {
               return names(run) == first && run.final.steps.size() == first.size();
           });
}

} // namespace

const ComparedFigure* RunComparison::figure(const std::string& key) const {
    const auto it = std::find_if(figures.begin(), figures.end(),
                                 [&](const ComparedFigure& f) { return f.key == key; });
    return it == figures.end() ? nullptr : &*it;
}

RunComparison compareRuns(const std::vector<RunReport>& runs, std::vector<std::string> names) {
    RunComparison out;
    out.names = std::move(names);
    if (runs.empty())
        return out;
    out.names.resize(runs.size());
    // Runs of one name (a file compared with itself, two folders' run.json) would be told
    // apart by colour alone in a legend: the second "x" becomes "x (2)".
    for (std::size_t i = 1; i < out.names.size(); ++i) {
        const std::string name = out.names[i];
        const auto taken = [&](const std::string& candidate) {
            return std::find(out.names.begin(), out.names.begin() + std::ptrdiff_t(i), candidate) !=
                   out.names.begin() + std::ptrdiff_t(i);
        };
        for (int n = 2; taken(out.names[i]); ++n)
            out.names[i] = name + " (" + std::to_string(n) + ")";
    }
    auto& f = out.figures;
    f.push_back(figureOf(runs, "requests", "requests", "", Better::Neither,
                         [](const RunReport& r) { return double(r.final.requests); }));
    f.push_back(figureOf(runs, "rps", "throughput", "req/s", Better::Higher,
                         [](const RunReport& r) { return r.final.rps(); }));
    const bool flows = std::any_of(runs.begin(), runs.end(),
                                   [](const RunReport& r) { return r.plan.steps.size() > 1; });
    if (flows)
        f.push_back(figureOf(runs, "iterations_per_s", "iterations per second", "it/s",
                             Better::Higher,
                             [](const RunReport& r) { return r.final.iterationsPerSecond(); }));
    f.push_back(figureOf(runs, "errors", "errors", "", Better::Lower,
                         [](const RunReport& r) { return double(r.final.errors); }));
    f.push_back(figureOf(runs, "error_rate", "error rate", "%", Better::Lower,
                         [](const RunReport& r) { return r.final.errorPercent(); }));
    f.push_back(figureOf(runs, "mean", "mean latency", "ms", Better::Lower, [](const RunReport& r) {
        const auto& h = r.final.latency;
        return latencyMs(h, [&] { return h.mean() / 1000.0; });
    }));
    for (const Quantile& q : kQuantiles)
        f.push_back(figureOf(runs, q.key, q.label, "ms", Better::Lower, [&](const RunReport& r) {
            const auto& h = r.final.latency;
            return latencyMs(h, [&] { return ms(h.quantile(q.q)); });
        }));
    f.push_back(figureOf(runs, "max", "max latency", "ms", Better::Lower, [](const RunReport& r) {
        const auto& h = r.final.latency;
        return latencyMs(h, [&] { return ms(h.max()); });
    }));
    if (sameSteps(runs))
        for (std::size_t i = 0; i < runs.front().plan.steps.size(); ++i) {
            const std::string key = "steps[" + std::to_string(i) + "].";
            const std::string& name = runs.front().plan.steps[i].name;
            const std::string label =
                "step " + std::to_string(i + 1) + (name.empty() ? " " : " (" + name + ") ");
            f.push_back(figureOf(runs, key + "p99", label + "p99", "ms", Better::Lower,
                                 [i](const RunReport& r) {
                                     const auto& h = r.final.steps[i].latency;
                                     return latencyMs(h, [&] { return ms(h.quantile(0.99)); });
                                 }));
            f.push_back(figureOf(runs, key + "error_rate", label + "error rate", "%", Better::Lower,
                                 [i](const RunReport& r) {
                                     const StepFigures& s = r.final.steps[i];
                                     return errorRate(s.errors, s.requests);
                                 }));
        }
    return out;
}

} // namespace stampede
