#pragma once

#include <chrono>
#include <optional>

namespace stampede {

// Turns SIGINT and SIGTERM into something the main thread waits for, instead of handlers
// that interrupt arbitrary code. Construct it before starting any thread, so every thread
// inherits the blocked mask and only the waiting thread receives them.
class TerminationSignals {
public:
    TerminationSignals();
    ~TerminationSignals();

    TerminationSignals(const TerminationSignals&) = delete;
    TerminationSignals& operator=(const TerminationSignals&) = delete;

    // The signal received, or nothing when `timeout` passed first. No timeout: wait forever.
    std::optional<int> wait(std::optional<std::chrono::milliseconds> timeout) const;
};

} // namespace stampede
