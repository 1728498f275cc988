#include "core/sys/ThreadPriority.h"

#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>

namespace stampede {
namespace {

// Enough to lose every tie with the GUI thread (CFS weights drop ~25 % per level), not so
// much that the engine starves when the window is idle.
constexpr int kNicenessBehindTheWindow = 5;

} // namespace

void applyToCurrentThread(ThreadPriority priority) {
    if (priority == ThreadPriority::Normal)
        return;
    // On Linux a thread's id names it alone to setpriority, unlike POSIX's process-wide rule.
    const auto thread = static_cast<id_t>(::syscall(SYS_gettid));
    errno = 0;
    const int current = ::getpriority(PRIO_PROCESS, thread);
    if (current == -1 && errno != 0)
        return;
    ::setpriority(PRIO_PROCESS, thread, current + kNicenessBehindTheWindow);
}

} // namespace stampede
