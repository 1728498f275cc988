#pragma once

#include "core/server/Endpoint.h"

#include <chrono>
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace stampede {

// What the target decided to do with one request. The router fills it without touching a
// socket; the session carries it out, so every endpoint's logic is testable as a function.
struct TargetReply {
    enum class Action {
        Respond,     // a normal response, possibly after `delay`
        Stall,       // say nothing until the client gives up
        CloseMidway, // send headers and part of the body, then close
        Drip,        // send `dripBytes` slowly over `dripDuration`
        Reset,       // abort the connection with a TCP RST
        Garbage,     // send bytes that are not HTTP, then close
        Freeze,      // hold the whole server for `delay`, then respond: a stop-the-world pause
    };

    Endpoint endpoint = Endpoint::Root;
    Action action = Action::Respond;
    int status = 200;
    std::string contentType = "text/plain; charset=utf-8";
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers; // extra response headers
    std::chrono::microseconds delay{0};
    std::size_t dripBytes = 0;
    std::chrono::milliseconds dripDuration{0};

    // The status the counters record: faults that never send a status line record 0.
    int recordedStatus() const {
        const bool silent =
            action == Action::Stall || action == Action::Reset || action == Action::Garbage;
        return silent ? 0 : status;
    }
};

} // namespace stampede
