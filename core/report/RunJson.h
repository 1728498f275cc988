#pragma once

#include "core/engine/RunSnapshot.h"
#include "core/report/Threshold.h"

#include <QByteArray>

#include <vector>

namespace stampede {

// The one JSON object `stampede run --json` prints: counts, rates, latency percentiles (and
// the uncorrected ones in the open model), status codes, error classes, process CPU, and
// the threshold verdicts. Key names are a contract with CI scripts: add, never rename.
QByteArray runJson(const RunReport& report, const std::vector<ThresholdResult>& thresholds);

} // namespace stampede
