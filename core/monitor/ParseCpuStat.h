#pragma once

#include "core/monitor/CoreTicks.h"

#include <string_view>
#include <vector>

namespace stampede {

// The per-core lines (`cpu0`, `cpu1`, …) of /proc/stat, in file order; the aggregate `cpu`
// line and everything else is skipped. Malformed core lines are skipped too.
std::vector<CoreTicks> parseCpuStat(std::string_view content);

} // namespace stampede
