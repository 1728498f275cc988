#pragma once

#include <array>
#include <optional>
#include <string_view>

namespace stampede {

// The four ways the race demo's threads add to one counter.
enum class RaceMode {
    Unsynchronised, // load, add, store: three steps another thread can come between
    Mutex,          // the three steps under a std::mutex
    Atomic,         // one indivisible fetch_add
    PerThread,      // each thread counts privately; the sums are added at the end
};

inline constexpr std::array<RaceMode, 4> kRaceModes{RaceMode::Unsynchronised, RaceMode::Mutex,
                                                    RaceMode::Atomic, RaceMode::PerThread};

// "unsync", "mutex", "atomic", "local": the names the command line takes.
std::string_view raceModeName(RaceMode mode);
std::optional<RaceMode> parseRaceMode(std::string_view name);

} // namespace stampede
