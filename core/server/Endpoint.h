#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace stampede {

// What the embedded target served. BadRequest covers requests refused before routing
// (malformed HTTP, oversized headers or body); NotFound any unknown path.
enum class Endpoint : std::uint8_t {
    Root,
    Bytes,
    Delay,
    Status,
    Echo,
    Headers,
    Stall,
    Close,
    Drip,
    Reset,
    Garbage,
    Stats,
    Freeze,
    Items, // the REST resource, /items and its twin /courses
    NotFound,
    BadRequest,
};

inline constexpr std::size_t kEndpointCount = static_cast<std::size_t>(Endpoint::BadRequest) + 1;

// The path pattern shown in /stats, the GUI and reports, e.g. "/bytes/N".
std::string_view endpointName(Endpoint endpoint);

} // namespace stampede
