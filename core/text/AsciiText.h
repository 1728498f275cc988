#pragma once

#include <string>
#include <string_view>

namespace stampede {

// ASCII-only text helpers for protocol tokens (header names, methods, units): locale-free,
// so a Turkish locale cannot turn "i" into something HTTP does not know.
std::string_view trimmed(std::string_view text);
std::string lowered(std::string_view text);
bool equalsIgnoringCase(std::string_view a, std::string_view b);

} // namespace stampede
