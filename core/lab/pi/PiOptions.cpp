#include "core/lab/pi/PiOptions.h"

namespace stampede {

std::optional<std::string> PiOptions::problem() const {
    if (threads < 1 || threads > kMaxThreads)
        return "threads must be between 1 and " + std::to_string(kMaxThreads);
    if (samples < 1 || samples > kMaxSamples)
        return "samples must be between 1 and " + std::to_string(kMaxSamples);
    if (chunk < 1 || chunk > kMaxChunk)
        return "chunk must be between 1 and " + std::to_string(kMaxChunk);
    if (targetError && !(*targetError > 0.0 && *targetError < 1.0))
        return "accuracy must be above 0 and below 1";
    return std::nullopt;
}

std::uint64_t PiOptions::maxRounds() const {
    const std::uint64_t perRound = std::uint64_t(threads) * chunk;
    return (samples + perRound - 1) / perRound;
}

} // namespace stampede
