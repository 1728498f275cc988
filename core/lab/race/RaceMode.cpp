#include "core/lab/race/RaceMode.h"

namespace stampede {

std::string_view raceModeName(RaceMode mode) {
    switch (mode) {
    case RaceMode::Unsynchronised:
        return "unsync";
    case RaceMode::Mutex:
        return "mutex";
    case RaceMode::Atomic:
        return "atomic";
    case RaceMode::PerThread:
        return "local";
    }
    return "?";
}

std::optional<RaceMode> parseRaceMode(std::string_view name) {
    for (RaceMode mode : kRaceModes)
        if (raceModeName(mode) == name)
            return mode;
    return std::nullopt;
}

} // namespace stampede
