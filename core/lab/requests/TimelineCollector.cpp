#include "core/lab/requests/TimelineCollector.h"

namespace stampede {

void TimelineCollector::onSnapshot(RunSnapshot snapshot) {
    const std::lock_guard lock(mutex_);
    records_.insert(records_.end(), snapshot.timelineSample.begin(), snapshot.timelineSample.end());
    snapshot.timelineSample.clear();
    latest_ = std::move(snapshot);
}

std::optional<RunSnapshot> TimelineCollector::latest() const {
    const std::lock_guard lock(mutex_);
    return latest_;
}

void TimelineCollector::onFinished(RunReport report) {
    const std::lock_guard lock(mutex_);
    // The last requests travel with the report, not with a snapshot of their own.
    records_.insert(records_.end(), report.final.timelineSample.begin(),
                    report.final.timelineSample.end());
    report_ = std::move(report);
}

std::vector<RequestRecord> TimelineCollector::records() const {
    const std::lock_guard lock(mutex_);
    return records_;
}

std::optional<RunReport> TimelineCollector::report() const {
    const std::lock_guard lock(mutex_);
    return report_;
}

} // namespace stampede
