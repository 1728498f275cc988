#pragma once

#include "core/monitor/ProcReading.h"

#include <chrono>
#include <filesystem>

namespace stampede {

// Reads the calling process's counters from a proc file system. The root is a parameter so
// tests can point it at a fixture tree; the default is the real one.
class ProcReader {
public:
    explicit ProcReader(std::filesystem::path root = "/proc");

    // Threads that exit between listing and reading are left out, not reported as errors.
    // The reading's time is counted from this reader's creation, so charts start at zero.
    ProcReading read() const;

private:
    std::filesystem::path root_;
    std::chrono::steady_clock::time_point start_;
    long ticksPerSecond_;
    long pageBytes_;
};

} // namespace stampede
