#pragma once

#include "core/monitor/ThreadStat.h"

#include <optional>
#include <string_view>

namespace stampede {

// Parses a /proc/<pid>/stat or /proc/<pid>/task/<tid>/stat line (both have the same layout;
// the process one sums its threads). The name is whatever the program chose and may hold
// spaces or parentheses, so it ends at the LAST ')'. Empty on a malformed line.
std::optional<ThreadStat> parseThreadStat(std::string_view line);

} // namespace stampede
