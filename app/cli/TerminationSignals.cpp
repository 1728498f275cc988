#include "app/cli/TerminationSignals.h"

#include <cerrno>
#include <csignal>
#include <ctime>
#include <pthread.h>

namespace stampede {
namespace {

sigset_t terminationSet() {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    return set;
}

} // namespace

TerminationSignals::TerminationSignals() {
    const sigset_t set = terminationSet();
    pthread_sigmask(SIG_BLOCK, &set, nullptr);
}

TerminationSignals::~TerminationSignals() {
    const sigset_t set = terminationSet();
    pthread_sigmask(SIG_UNBLOCK, &set, nullptr);
}

std::optional<int>
TerminationSignals::wait(std::optional<std::chrono::milliseconds> timeout) const {
    const sigset_t set = terminationSet();
    for (;;) {
        int signal = 0;
        if (!timeout) {
            if (sigwait(&set, &signal) == 0)
                return signal;
            continue;
        }
        const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(*timeout);
        const timespec limit{static_cast<time_t>(seconds.count()),
                             static_cast<long>((*timeout - seconds).count() * 1'000'000)};
        signal = sigtimedwait(&set, nullptr, &limit);
        if (signal > 0)
            return signal;
        if (errno == EAGAIN)
            return std::nullopt;
        // EINTR: another signal (say SIGWINCH) woke us early; the remaining time is not
        // worth tracking precisely for a "serve for a few seconds" timer.
    }
}

} // namespace stampede
