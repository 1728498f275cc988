#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace stampede {

// Why a request failed. Transport classes come from libcurl's result; the HTTP classes
// count complete responses whose status says the server failed the request.
enum class ErrorClass : std::uint8_t {
    Dns,
    ConnectionRefused,
    ConnectTimeout,
    Tls,
    Timeout,
    ConnectionReset, // reset, or the connection ended before a whole response
    TooManyRedirects,
    Other,
    Http4xx,
    Http5xx,
};

inline constexpr std::size_t kErrorClassCount = static_cast<std::size_t>(ErrorClass::Http5xx) + 1;

// Stable snake_case names used in JSON, CSV and thresholds: "dns", "connection_refused",
// "connect_timeout", "tls", "timeout", "connection_reset", "too_many_redirects", "other",
// "http_4xx", "http_5xx".
std::string_view errorClassName(ErrorClass errorClass);
std::optional<ErrorClass> parseErrorClass(std::string_view name);

} // namespace stampede
