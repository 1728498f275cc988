#include "app/cli/CliRunSink.h"

namespace stampede {

void CliRunSink::onSnapshot(RunSnapshot snapshot) {
    // The progress line needs counters and the latency histogram, not the rows.
    snapshot.newRows.clear();
    const std::lock_guard lock(mutex_);
    latest_ = std::move(snapshot);
}

void CliRunSink::onFinished(RunReport report) {
    const std::lock_guard lock(mutex_);
    report_ = std::move(report);
}

std::optional<RunSnapshot> CliRunSink::latest() const {
    const std::lock_guard lock(mutex_);
    return latest_;
}

std::optional<RunReport> CliRunSink::report() const {
    const std::lock_guard lock(mutex_);
    return report_;
}

} // namespace stampede
