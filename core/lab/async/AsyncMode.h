#pragma once

#include <optional>
#include <string_view>
#include <vector>

namespace stampede {

// The four ways of waiting for many requests that the course teaches with asyncio.
enum class AsyncMode { Gather, AsCompleted, FirstCompleted, Timeout };

inline constexpr AsyncMode kAsyncModes[] = {AsyncMode::Gather, AsyncMode::AsCompleted,
                                            AsyncMode::FirstCompleted, AsyncMode::Timeout};

// "gather", "as-completed", "first", "timeout": the names of --mode and of the JSON.
std::string_view asyncModeName(AsyncMode mode);
std::optional<AsyncMode> parseAsyncMode(std::string_view name);
// The asyncio call the mode stands for, e.g. "asyncio.wait(tasks, return_when=FIRST_COMPLETED)".
std::string_view asyncioCall(AsyncMode mode);

} // namespace stampede
