#pragma once

#include "core/report/CompareGate.h"
#include "core/report/RunComparison.h"

#include <QByteArray>

#include <cstddef>
#include <string>
#include <vector>

namespace stampede {

// A compared figure's value for run `run` with its unit: "1234 req/s", "12.3 ms", "0.50 %";
// "no response" for a latency of a run that got none.
std::string comparedValueText(const ComparedFigure& figure, std::size_t run);

// How run `run` differs from the first, told by an arrow, a sign and a word as well as by
// whatever colour shows it: "▲ +1.20 ms (+4.5 %) worse", "▼ −120 req/s (−3.0 %) worse",
// "= 0 ms (0.0 %)". Error rates differ in percentage points (pp); a latency beside a run
// without a response is "not comparable". Empty for the first run.
std::string comparedDifferenceText(const ComparedFigure& figure, std::size_t run);

// "better", "worse", "changed" or "same", as the report's and the window's tables say it.
const char* verdictName(Verdict verdict);

// `stampede compare`'s table: the runs, then each figure of every run with each later run's
// difference from the first in the words above, so the terminal says it without colour; then
// the gates' verdicts, if any.
std::string comparisonText(const std::vector<RunReport>& runs, const RunComparison& comparison,
                           const std::vector<GateResult>& gates);

// The same as JSON: {"runs": [...], "figures": [...], "gates": [...], "passed": …}, for
// scripts; a latency without a value (a run without a response) is null.
QByteArray comparisonJson(const std::vector<RunReport>& runs, const RunComparison& comparison,
                          const std::vector<GateResult>& gates);

} // namespace stampede
