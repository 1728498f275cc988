#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace stampede {

// Why a request failed. Transport classes come from libcurl's result; the HTTP classes
// count complete responses whose status says the server failed the request; the scenario
// classes, complete responses a step refused: a status it did not expect, a value it could
// not capture.
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
    UnexpectedStatus,
    CaptureFailed,
};

inline constexpr std::size_t kErrorClassCount =
    static_cast<std::size_t>(ErrorClass::CaptureFailed) + 1;

// A class given to a whole response (its status or content), not to a failed transfer.
constexpr bool answeredClass(ErrorClass errorClass) {
    return errorClass >= ErrorClass::Http4xx;
}

// Stable snake_case names used in JSON, CSV and thresholds: "dns", "connection_refused",
// "connect_timeout", "tls", "timeout", "connection_reset", "too_many_redirects", "other",
// "http_4xx", "http_5xx", "unexpected_status", "capture_failed".
std::string_view errorClassName(ErrorClass errorClass);
std::optional<ErrorClass> parseErrorClass(std::string_view name);

} // namespace stampede
