#include "core/engine/ErrorClass.h"

#include <array>

namespace stampede {
namespace {

constexpr std::array<std::string_view, kErrorClassCount> kNames = {
    "dns",      "connection_refused", "connect_timeout",    "tls",
    "timeout",  "connection_reset",   "too_many_redirects", "other",
    "http_4xx", "http_5xx",           "unexpected_status",  "capture_failed",
};

} // namespace

std::string_view errorClassName(ErrorClass errorClass) {
    return kNames[static_cast<std::size_t>(errorClass)];
}

std::optional<ErrorClass> parseErrorClass(std::string_view name) {
    for (std::size_t i = 0; i < kNames.size(); ++i)
        if (kNames[i] == name)
            return static_cast<ErrorClass>(i);
    return std::nullopt;
}

} // namespace stampede
