#pragma once

#include "core/engine/RunSink.h"
#include "core/engine/TimelineRing.h"

#include <cstddef>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

namespace stampede {

// Makes one run of the shares of a run carried by several engine threads: each share reports
// to its own sink from its own thread, and the front end's sink sees one run — snapshots in
// which every share has reported once more, and one report when every share has ended.
// Exact: counts add, histograms add bucket by bucket, and each second's row is merged from the
// shares' rows and histograms of that second. Only engine threads take the mutex, each for a
// few microseconds per snapshot; the front end's sink is called under it, so it sees one
// thread at a time, in order.
class RunMerger : public std::enable_shared_from_this<RunMerger> {
public:
    // `plan` is the whole run's plan, as the report names it.
    static std::shared_ptr<RunMerger> make(std::size_t shares, Plan plan,
                                           std::shared_ptr<RunSink> sink);

    // The sink share `index` reports to.
    std::shared_ptr<RunSink> shareSink(std::size_t index);

private:
    class ShareSink;
    struct Share {
        RunSnapshot latest; // its newest figures; rows and timeline taken out
        std::uint64_t snapshots = 0;
        int secondsClosed = 0;
        std::optional<RunReport> report;
        TimelineRing timeline{RunSnapshot::kTimelineSampleSize};
    };
    struct OpenSecond {
        TimeSeriesRow row;
        LatencyHistogram latency;
        std::vector<LatencyHistogram> stepLatency; // a flow's, one per step
    };

    RunMerger(std::size_t shares, Plan plan, std::shared_ptr<RunSink> sink);

    void onSnapshot(std::size_t index, RunSnapshot snapshot);
    void onFinished(std::size_t index, RunReport report);
    void onRequest(std::size_t index, RequestRecord record);

    // Under mutex_:
    void absorb(std::size_t index, RunSnapshot& snapshot);
    void closeSeconds();
    RunSnapshot merged(RunSnapshot::Phase phase);
    void deliver();
    RequestRecord renumbered(std::size_t index, RequestRecord record) const;

    const Plan plan_;
    const std::shared_ptr<RunSink> sink_;
    std::mutex mutex_;
    std::vector<Share> shares_;
    std::vector<LatencyHistogram::Parts> rowParts_; // of rows_, from the merged histograms
    std::vector<std::vector<LatencyHistogram::Parts>> rowStepParts_; // a flow's, [row][step]
    std::map<int, OpenSecond> open_; // seconds some share has closed but not every share
    std::vector<TimeSeriesRow> rows_;
    std::size_t rowsDelivered_ = 0;
    std::uint64_t delivered_ = 0; // running snapshots handed on
    bool ended_ = false;
};

} // namespace stampede
