#include "core/lab/deadlock/FixResult.h"

namespace stampede {

std::string_view fixName(FixStrategy strategy) {
    switch (strategy) {
    case FixStrategy::GlobalOrder:
        return "global-order";
    case FixStrategy::ScopedLock:
        return "scoped-lock";
    case FixStrategy::Backoff:
        return "timeout-backoff";
    }
    return "unknown";
}

std::string_view fixTitle(FixStrategy strategy) {
    switch (strategy) {
    case FixStrategy::GlobalOrder:
        return "One global lock order";
    case FixStrategy::ScopedLock:
        return "std::scoped_lock";
    case FixStrategy::Backoff:
        return "Timeout + random back-off";
    }
    return "Unknown";
}

} // namespace stampede
