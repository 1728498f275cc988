#include "core/lab/async/AsyncMode.h"

namespace stampede {

std::string_view asyncModeName(AsyncMode mode) {
    switch (mode) {
    case AsyncMode::Gather:
        return "gather";
    case AsyncMode::AsCompleted:
        return "as-completed";
    case AsyncMode::FirstCompleted:
        return "first";
    case AsyncMode::Timeout:
        return "timeout";
    }
    return "gather";
}

std::optional<AsyncMode> parseAsyncMode(std::string_view name) {
    for (const AsyncMode mode : kAsyncModes)
        if (asyncModeName(mode) == name)
            return mode;
    return std::nullopt;
}

std::string_view asyncioCall(AsyncMode mode) {
    switch (mode) {
    case AsyncMode::Gather:
        return "asyncio.gather(*tasks)";
    case AsyncMode::AsCompleted:
        return "for t in asyncio.as_completed(tasks)";
    case AsyncMode::FirstCompleted:
        return "asyncio.wait(tasks, return_when=FIRST_COMPLETED)";
    case AsyncMode::Timeout:
        return "asyncio.wait(tasks, timeout=T)";
    }
    return "";
}

} // namespace stampede
