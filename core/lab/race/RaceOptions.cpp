#include "core/lab/race/RaceOptions.h"

namespace stampede {

std::optional<std::string> RaceOptions::problem() const {
    if (threads < 1 || threads > kMaxThreads)
        return "threads must be between 1 and " + std::to_string(kMaxThreads);
    if (increments < 1 || increments > kMaxIncrements)
        return "increments must be between 1 and " + std::to_string(kMaxIncrements);
    if (modes.empty() && !sweep && !wallet)
        return "nothing to run: choose a mode, the sweep or the wallet";
    return std::nullopt;
}

} // namespace stampede
