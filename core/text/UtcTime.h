#pragma once

#include <QString>

#include <chrono>
#include <optional>
#include <string_view>

namespace stampede {

// Wall-clock times as result files, reports and --start-at write them: ISO 8601 in UTC.
// "2026-12-01T14:50:00.000Z"; `withMs` false drops the milliseconds.
QString utcText(std::chrono::system_clock::time_point t, bool withMs = true);

// An ISO 8601 time that says its zone ("…Z" or "…+01:00"; a time without a zone would mean
// whatever zone each machine is in), or seconds since the epoch ("1796148000" or with a
// fraction). Nothing if the text is neither.
std::optional<std::chrono::system_clock::time_point> parseUtcTime(std::string_view text);

} // namespace stampede
