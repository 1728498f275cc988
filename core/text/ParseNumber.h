#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace stampede {

// Strict parsers for numbers typed by people or sent by clients: the whole text must be the
// number (no sign games, no trailing junk, no spaces) and it must lie within [min, max].
std::optional<std::int64_t> parseInteger(std::string_view text, std::int64_t min, std::int64_t max);
std::optional<double> parseDecimal(std::string_view text, double min, double max);

} // namespace stampede
