#pragma once

#include "core/report/CompareGate.h"
#include "core/report/RunComparison.h"

#include <QByteArray>

#include <string>
#include <vector>

namespace stampede {

// `stampede compare`'s table: each figure of every run, and each later run's change from the
// first in % (or in the figure's unit when the first is 0) with "better" or "worse" in words,
// so the table says it without colour. Then the gates' verdicts, if any.
std::string comparisonText(const std::vector<RunReport>& runs, const RunComparison& comparison,
                           const std::vector<GateResult>& gates);

// The same as JSON: {"runs": [...], "figures": [...], "gates": [...]}, for scripts.
QByteArray comparisonJson(const std::vector<RunReport>& runs, const RunComparison& comparison,
                          const std::vector<GateResult>& gates);

// "better", "worse", "same" or "changed".
const char* verdictName(Verdict verdict);

} // namespace stampede
