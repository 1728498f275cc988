#include "core/server/Endpoint.h"

#include <array>

namespace stampede {

std::string_view endpointName(Endpoint endpoint) {
    static constexpr std::array<std::string_view, kEndpointCount> names = {
        "/",          "/bytes/N", "/delay/MS",   "/status/CODE",  "/echo",    "/headers",
        "/stall",     "/close",   "/drip",       "/reset",        "/garbage", "/stats",
        "/freeze/MS", "/items",   "(not found)", "(bad request)",
    };
    return names[static_cast<std::size_t>(endpoint)];
}

} // namespace stampede
