#pragma once

#include "core/engine/ErrorClass.h"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace stampede {

// One finished request as the engine saw it: our own steady_clock stamps (libcurl's
// timers exclude time a request waited inside the client), the status, the error class.
struct RequestOutcome {
    using Clock = std::chrono::steady_clock;

    Clock::time_point intended; // open model: its scheduled time; closed: = started
    Clock::time_point started;
    std::optional<Clock::time_point> firstByte;
    Clock::time_point done;
    int status = 0;
    std::optional<ErrorClass> error;
    const char* errorMessage = ""; // valid only during the call that receives it
    std::uint64_t bytes = 0;
    // What captures read, kept only for a step that has them (ScenarioStep::keepBody and
    // keepHeaders), and valid only during the call that receives it. A body longer than
    // kKeptBodyLimit is cut there and says so.
    std::string_view body;
    const std::vector<std::pair<std::string, std::string>>* headers = nullptr;
    bool bodyCut = false;
};

} // namespace stampede
