#pragma once

#include "core/engine/RunSnapshot.h"

#include <string>

namespace stampede {

// The human summary printed at the end of `stampede run`, in the spirit of wrk's: what ran,
// requests and rates, transfer, latency percentiles, status codes and errors.
std::string summaryText(const RunReport& report);

// One line of live progress: elapsed, requests, rate, errors, p99, in flight.
std::string progressLine(const RunSnapshot& snapshot, double intervalRps);

} // namespace stampede
