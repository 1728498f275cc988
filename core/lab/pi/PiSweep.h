#pragma once

#include "core/lab/DemoThreads.h"
#include "core/lab/pi/AmdahlFit.h"
#include "core/lab/pi/PiOptions.h"
#include "core/lab/pi/PiSweepRow.h"

#include <chrono>
#include <mutex>
#include <optional>
#include <stop_token>
#include <string>
#include <vector>

namespace stampede {

struct PiSweepOptions {
    // `threads` and any target are ignored: every run draws exactly the samples. With `gil`
    // set, the sweep runs twice, without the global lock and then with it, for one chart.
    PiOptions run;
    int maxThreads = 2;

    int runs() const { return run.gil ? 2 * maxThreads : maxThreads; }

    std::optional<std::string> problem() const {
        PiOptions each = run;
        each.targetError.reset();
        return each.problem();
    }
};

// The sweep so far: a row per thread count that finished, and Amdahl's law fitted to them
// (to each series on its own).
struct PiSweepProgress {
    std::vector<PiSweepRow> rows;
    std::optional<AmdahlFit> fit;
    std::optional<AmdahlFit> gilFit;
    int cores = 1; // the fit stops here: beyond the cores, threads share them
    bool finished = false;

    bool ended() const { return finished; }
};

// The speed-up sweep: the same samples on 1, 2, … maxThreads threads, one run after the
// other on a thread of its own (pi-sweep), timing each. Rows appear as runs end; reading
// them copies under a lock the sweep holds only to append. A LabDemo.
class PiSweep {
public:
    using Options = PiSweepOptions;
    using Progress = PiSweepProgress;

    explicit PiSweep(const PiSweepOptions& options);

    PiSweep(const PiSweep&) = delete;
    PiSweep& operator=(const PiSweep&) = delete;

    void start(); // once
    void requestStop() { thread_.requestStop(); }
    bool wait(std::chrono::milliseconds timeout) const { return thread_.wait(timeout); }
    PiSweepProgress progress() const;
    int maxThreads() const { return maxThreads_; }

    // Amdahl's law fitted to the rows up to `cores` threads: beyond the cores, threads share
    // them and the limit is the hardware, not a serial part of the work.
    static std::optional<AmdahlFit> fit(const std::vector<PiSweepRow>& rows, int cores,
                                        bool gil = false);
    // The row of `threads` threads in one series, or nothing yet.
    static const PiSweepRow* row(const std::vector<PiSweepRow>& rows, int threads, bool gil);
    // The machine's cores as the standard library counts them, at least 1.
    static int hardwareCores();

private:
    void sweep(std::stop_token stop);

    const PiOptions settings_;
    const int maxThreads_;
    mutable std::mutex mutex_;
    std::vector<PiSweepRow> rows_;
    DemoThreads thread_; // last: joined before the rows it appends to go away
};

} // namespace stampede
