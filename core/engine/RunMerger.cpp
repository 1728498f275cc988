#include "core/engine/RunMerger.h"

#include "core/engine/HttpVersionMix.h"
#include "core/engine/RunAccumulator.h"
#include "core/engine/RunAddition.h"

#include <algorithm>
#include <climits>

namespace stampede {

class RunMerger::ShareSink final : public RunSink {
public:
    ShareSink(std::shared_ptr<RunMerger> merger, std::size_t index)
        : merger_(std::move(merger))
        , index_(index) {}

    void onSnapshot(RunSnapshot snapshot) override {
        merger_->onSnapshot(index_, std::move(snapshot));
    }
    void onFinished(RunReport report) override { merger_->onFinished(index_, std::move(report)); }
    bool wantsRequests() const override { return merger_->sink_->wantsRequests(); }
    void onRequest(const RequestRecord& record) override { merger_->onRequest(index_, record); }

private:
    std::shared_ptr<RunMerger> merger_;
    std::size_t index_;
};

std::shared_ptr<RunMerger> RunMerger::make(std::size_t shares, Plan plan,
                                           std::shared_ptr<RunSink> sink) {
    return std::shared_ptr<RunMerger>(new RunMerger(shares, std::move(plan), std::move(sink)));
}

RunMerger::RunMerger(std::size_t shares, Plan plan, std::shared_ptr<RunSink> sink)
    : plan_(std::move(plan))
    , sink_(std::move(sink))
    , shares_(shares) {}

std::shared_ptr<RunSink> RunMerger::shareSink(std::size_t index) {
    return std::make_shared<ShareSink>(shared_from_this(), index);
}

void RunMerger::onSnapshot(std::size_t index, RunSnapshot snapshot) {
    const std::lock_guard lock(mutex_);
    absorb(index, snapshot);
    deliver();
}

void RunMerger::onFinished(std::size_t index, RunReport report) {
    const std::lock_guard lock(mutex_);
    absorb(index, report.final);
    shares_[index].report = std::move(report);
    deliver();
}

void RunMerger::onRequest(std::size_t index, RequestRecord record) {
    const std::lock_guard lock(mutex_);
    sink_->onRequest(renumbered(index, record));
}

RequestRecord RunMerger::renumbered(std::size_t index, RequestRecord record) const {
    // Each share counts its requests and lanes from zero: interleave them, so ids stay unique
    // and a share's lanes sit beside the others'.
    const auto count = shares_.size();
    record.id = record.id * count + index;
    record.lane = static_cast<int>(static_cast<std::size_t>(record.lane) * count + index);
    return record;
}

void RunMerger::absorb(std::size_t index, RunSnapshot& snapshot) {
    Share& share = shares_[index];
    for (std::size_t i = 0; i < snapshot.newRows.size(); ++i) {
        const TimeSeriesRow& row = snapshot.newRows[i];
        auto [open, fresh] = open_.try_emplace(row.second);
        if (fresh) {
            open->second.row.second = row.second;
            open->second.row.durationS = 0;
        }
        addRow(open->second.row, row);
        if (i < snapshot.newRowLatency.size())
            open->second.latency.merge(snapshot.newRowLatency[i]);
        if (i < snapshot.newRowStepLatency.size()) {
            const auto& steps = snapshot.newRowStepLatency[i];
            auto& into = open->second.stepLatency;
            into.resize(std::max(into.size(), steps.size()));
            for (std::size_t s = 0; s < steps.size(); ++s)
                into[s].merge(steps[s]);
        }
        share.secondsClosed = std::max(share.secondsClosed, row.second);
    }
    for (const RequestRecord& record : snapshot.timelineSample)
        share.timeline.push(renumbered(index, record));
    snapshot.newRows.clear();
    snapshot.newRowLatency.clear();
    snapshot.newRowStepLatency.clear();
    snapshot.timelineSample.clear();
    share.latest = std::move(snapshot);
    ++share.snapshots;
}

void RunMerger::closeSeconds() {
    // A second is whole once every share still running has closed it.
    int ready = INT_MAX;
    for (const Share& share : shares_)
        if (!share.report)
            ready = std::min(ready, share.secondsClosed);
    for (auto open = open_.begin(); open != open_.end() && open->first <= ready;
         open = open_.erase(open)) {
        RunAccumulator::describeLatency(open->second.row, open->second.latency);
        for (std::size_t s = 0; s < open->second.row.steps.size(); ++s)
            if (s < open->second.stepLatency.size())
                RunAccumulator::describeLatency(open->second.row.steps[s],
                                                open->second.stepLatency[s]);
        rows_.push_back(open->second.row);
        rowParts_.push_back(open->second.latency.parts());
        // A flow's row has its steps; the histograms stay beside it, one per step, in step.
        if (!open->second.row.steps.empty()) {
            auto& steps = rowStepParts_.emplace_back(open->second.row.steps.size());
            for (std::size_t s = 0; s < steps.size() && s < open->second.stepLatency.size(); ++s)
                steps[s] = open->second.stepLatency[s].parts();
        }
    }
}

RunSnapshot RunMerger::merged(RunSnapshot::Phase phase) {
    RunSnapshot out;
    out.phase = phase;
    out.model = plan_.load.model;
    out.plannedDuration = plan_.plannedDuration();
    out.requestLimit = plan_.requestLimit;
    std::vector<RequestRecord> timeline;
    for (Share& share : shares_) {
        out.elapsed = std::max(out.elapsed, share.latest.elapsed);
        addTotals(out, share.latest);
        auto taken = share.timeline.take();
        timeline.insert(timeline.end(), taken.begin(), taken.end());
    }
    // The newest of what every share sent, in the order they finished, as one engine sends.
    std::stable_sort(
        timeline.begin(), timeline.end(),
        [](const RequestRecord& a, const RequestRecord& b) { return a.doneMs < b.doneMs; });
    const std::size_t keep = std::min(timeline.size(), RunSnapshot::kTimelineSampleSize);
    out.timelineSample.assign(timeline.end() - static_cast<std::ptrdiff_t>(keep), timeline.end());
    out.newRows.assign(rows_.begin() + static_cast<std::ptrdiff_t>(rowsDelivered_), rows_.end());
    rowsDelivered_ = rows_.size();
    return out;
}

void RunMerger::deliver() {
    if (ended_)
        return;
    const bool allEnded = std::all_of(shares_.begin(), shares_.end(),
                                      [](const Share& share) { return share.report.has_value(); });
    closeSeconds();
    if (allEnded) {
        ended_ = true;
        RunSnapshot::Phase phase = RunSnapshot::Phase::Finished;
        RunReport report;
        for (const Share& share : shares_) {
            phase = endedAs(phase, share.latest.phase);
            // Each share measured the whole process over nearly the same span.
            report.cpuUserSeconds = std::max(report.cpuUserSeconds, share.report->cpuUserSeconds);
            report.cpuSystemSeconds =
                std::max(report.cpuSystemSeconds, share.report->cpuSystemSeconds);
            report.httpVersion =
                HttpVersionMix::merged(report.httpVersion, share.report->httpVersion);
        }
        const RunReport& first = *shares_.front().report;
        report.url = first.url;
        report.engine = first.engine;
        report.engineWhy = first.engineWhy;
        report.threads = static_cast<int>(shares_.size());
        report.plan = plan_;
        report.final = merged(phase);
        report.timeSeries = rows_;
        report.timeSeriesLatency = rowParts_;
        report.timeSeriesStepLatency = rowStepParts_;
        report.startedUtc = first.startedUtc;
        report.host = first.host;
        for (const Share& share : shares_)
            report.endedUtc = std::max(report.endedUtc, share.report->endedUtc);
        sink_->onFinished(std::move(report));
        return;
    }
    std::uint64_t least = UINT64_MAX;
    for (const Share& share : shares_)
        if (!share.report)
            least = std::min(least, share.snapshots);
    if (least > delivered_) {
        delivered_ = least;
        sink_->onSnapshot(merged(RunSnapshot::Phase::Running));
    }
}

} // namespace stampede
