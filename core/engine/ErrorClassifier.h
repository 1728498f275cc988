#pragma once

#include "core/engine/ErrorClass.h"

#include <curl/curl.h>

#include <optional>

namespace stampede {

// Maps a finished transfer to an error class, or to none when it succeeded. `connected`
// tells a timeout before the connection was made (connect timeout) from one after.
std::optional<ErrorClass> classifyTransfer(CURLcode result, bool connected, long httpStatus);

// A whole response's class: http_5xx, http_4xx, or none. Both transports count status alike.
std::optional<ErrorClass> classifyStatus(long httpStatus);

} // namespace stampede
