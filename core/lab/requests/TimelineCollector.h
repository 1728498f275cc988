#pragma once

#include "core/engine/RunSink.h"

#include <mutex>
#include <optional>
#include <vector>

namespace stampede {

// A RunSink that keeps every request of a short run from the snapshots' timeline samples,
// the latest snapshot (without its sample) for live figures, and the final report. The engine sends
// at most kTimelineSampleSize records per snapshot, so it is whole only for runs that finish fewer
// requests than that in any 100 ms.
class TimelineCollector : public RunSink {
public:
    void onSnapshot(RunSnapshot snapshot) override;
    void onFinished(RunReport report) override;

    std::vector<RequestRecord> records() const;
    std::optional<RunReport> report() const;
    std::optional<RunSnapshot> latest() const;

private:
    mutable std::mutex mutex_;
    std::vector<RequestRecord> records_;
    std::optional<RunReport> report_;
    std::optional<RunSnapshot> latest_;
};

} // namespace stampede
