#include "core/engine/RunMerger.h"

#include "core/engine/HttpVersionMix.h"
#include "core/engine/RunAccumulator.h"

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

namespace {

void addRow(TimeSeriesRow& into, const TimeSeriesRow& row) {
    into.durationS = std::max(into.durationS, row.durationS);
    into.completed += row.completed;
    into.errors += row.errors;
    for (std::size_t i = 0; i < into.errorsByClass.size(); ++i)
        into.errorsByClass[i] += row.errorsByClass[i];
    into.bytes += row.bytes;
    into.inFlight += row.inFlight;
    into.backlog += row.backlog;
    into.activeUsers += row.activeUsers;
    into.targetRate += row.targetRate;
    into.steps.resize(std::max(into.steps.size(), row.steps.size()));
    for (std::size_t i = 0; i < row.steps.size(); ++i) {
        into.steps[i].completed += row.steps[i].completed;
        into.steps[i].errors += row.steps[i].errors;
    }
}

void addErrors(std::array<ErrorSummary, kErrorClassCount>& into,
               const std::array<ErrorSummary, kErrorClassCount>& part) {
    for (std::size_t i = 0; i < into.size(); ++i) {
        if (into[i].firstMessage.empty())
            into[i].firstMessage = part[i].firstMessage;
        into[i].count += part[i].count;
    }
}

void addStep(StepFigures& into, const StepFigures& part) {
    into.requests += part.requests;
    into.completed += part.completed;
    into.errors += part.errors;
    into.skipped += part.skipped;
    into.bytes += part.bytes;
    for (const auto& [status, count] : part.statusCounts)
        into.statusCounts[status] += count;
    addErrors(into.errorsByClass, part.errorsByClass);
    into.latency.merge(part.latency);
}

RunSnapshot::Phase endedAs(RunSnapshot::Phase a, RunSnapshot::Phase b) {
    // A share that failed makes the run failed; one stopped by the user, stopped.
    return static_cast<int>(a) > static_cast<int>(b) ? a : b;
}

} // namespace

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
        const RunSnapshot& part = share.latest;
        out.elapsed = std::max(out.elapsed, part.elapsed);
        out.requests += part.requests;
        out.completed += part.completed;
        out.errors += part.errors;
        out.bytes += part.bytes;
        out.inFlight += part.inFlight;
        out.backlog += part.backlog;
        // The sum of the shares' peaks: the merged backlog never stood higher.
        out.backlogMax += part.backlogMax;
        out.activeUsers += part.activeUsers;
        out.targetRate += part.targetRate;
        for (const auto& [status, count] : part.statusCounts)
            out.statusCounts[status] += count;
        addErrors(out.errorsByClass, part.errorsByClass);
        out.latency.merge(part.latency);
        out.steps.resize(std::max(out.steps.size(), part.steps.size()));
        for (std::size_t i = 0; i < part.steps.size(); ++i)
            addStep(out.steps[i], part.steps[i]);
        out.iterations.completed += part.iterations.completed;
        out.iterations.failed += part.iterations.failed;
        if (out.iterations.firstFailure.empty())
            out.iterations.firstFailure = part.iterations.firstFailure;
        out.iterations.duration.merge(part.iterations.duration);
        out.latencyUncorrected.merge(part.latencyUncorrected);
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
