#pragma once

#include <optional>
#include <string>

namespace stampede {

// Makes room for `needed` open files: raises the soft RLIMIT_NOFILE up to the hard limit
// when that is enough, otherwise says why the run cannot have that many connections.
// Returns an error message, or nothing when there is room.
std::optional<std::string> ensureOpenFileLimit(unsigned long needed);

} // namespace stampede
