#pragma once

#include "core/lab/pi/AmdahlFit.h"
#include "core/lab/pi/PiSettings.h"
#include "core/lab/pi/PiSweepRow.h"

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <stop_token>
#include <thread>
#include <vector>

namespace stampede {

// The speed-up sweep: the same samples on 1, 2, … maxThreads threads, one run after the
// other on a thread of its own (pi-sweep), timing each. Rows appear as runs end; reading
// them copies under a lock the sweep holds only to append.
class PiSweep {
public:
    // `settings.threads` and any target are ignored: every run draws exactly the samples.
    PiSweep(const PiSettings& settings, int maxThreads);
    ~PiSweep();

    PiSweep(const PiSweep&) = delete;
    PiSweep& operator=(const PiSweep&) = delete;

    void requestStop() { thread_.request_stop(); }
    bool finished() const;
    bool waitFor(std::chrono::milliseconds timeout) const;
    std::vector<PiSweepRow> rows() const;
    int maxThreads() const { return maxThreads_; }

    // Amdahl's law fitted to the rows up to `cores` threads: beyond the cores, threads share
    // them and the limit is the hardware, not a serial part of the work.
    static std::optional<AmdahlFit> fit(const std::vector<PiSweepRow>& rows, int cores);
    // The machine's cores as the standard library counts them, at least 1.
    static int hardwareCores();

private:
    void sweep(std::stop_token stop);

    const PiSettings settings_;
    const int maxThreads_;
    mutable std::mutex mutex_;
    mutable std::condition_variable changed_;
    std::vector<PiSweepRow> rows_;
    bool finished_ = false;
    std::jthread thread_;
};

} // namespace stampede
