#pragma once

#include "core/engine/RunSnapshot.h"

#include <optional>
#include <string>
#include <vector>

namespace stampede {

// Which way a figure improves: more requests per second is better, more latency is worse;
// the number of requests says nothing by itself.
enum class Better { Higher, Lower, Neither };

// How a run's figure moved against the first run's.
enum class Verdict { Same, Better, Worse, Changed };

// One figure of every run compared, with its differences from the first run (the baseline):
// one row of `stampede compare`, of the window's compare view and of the report's table.
struct ComparedFigure {
    std::string key;   // as --fail-if and --json name it: "rps", "p99", "error_rate", …
    std::string label; // as a person reads it: "p99 latency"
    std::string unit;  // "req/s", "ms", "%" or "" for counts
    Better better = Better::Neither;
    // One per run, in the order given. NaN for a latency of a run that got no response: no
    // value rather than 0 ms, so it is neither better nor worse (Changed, percent none).
    std::vector<double> values;
    // Of run i against run 0 (the first entries are 0 and Same).
    std::vector<double> absolute;               // values[i] - values[0]
    std::vector<std::optional<double>> percent; // relative, in %; none when values[0] is 0
    std::vector<Verdict> verdicts;
};

struct RunComparison {
    // A short name per run (the caller's, e.g. file names), made distinct: "x", "x (2)".
    std::vector<std::string> names;
    std::vector<ComparedFigure> figures;

    const ComparedFigure* figure(const std::string& key) const;
};

// Totals (requests, rps, errors, error rate), the corrected latency's mean, percentiles and
// max, and for flows that name the same steps in the same order, each step's p99 and errors.
// Latency is in milliseconds, read from the full histograms: exact as in the live runs.
RunComparison compareRuns(const std::vector<RunReport>& runs, std::vector<std::string> names);

} // namespace stampede
