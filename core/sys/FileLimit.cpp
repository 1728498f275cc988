#include "core/sys/FileLimit.h"

#include <sys/resource.h>

namespace stampede {

std::optional<std::string> ensureOpenFileLimit(unsigned long needed) {
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return std::nullopt; // cannot tell; let the run try
    if (limit.rlim_cur != RLIM_INFINITY && limit.rlim_cur >= needed)
        return std::nullopt;
    if (limit.rlim_cur == RLIM_INFINITY)
        return std::nullopt;
    if (limit.rlim_max != RLIM_INFINITY && limit.rlim_max < needed)
        return "this load needs about " + std::to_string(needed) +
               " open files (one per connection plus a margin), but the hard limit is " +
               std::to_string(limit.rlim_max) +
               "; lower the concurrency or raise the hard limit (ulimit -Hn)";
    limit.rlim_cur = needed;
    if (setrlimit(RLIMIT_NOFILE, &limit) != 0)
        return "could not raise the open-file limit to " + std::to_string(needed);
    return std::nullopt;
}

} // namespace stampede
