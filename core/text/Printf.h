#pragma once

#include <string>

namespace stampede {

// printf into a std::string, for the fixed-width tables the terminal prints (GCC 12 has no
// std::format). Any length.
[[gnu::format(printf, 1, 2)]] std::string printed(const char* pattern, ...);

} // namespace stampede
