#include "core/engine/RunAccumulator.h"

#include <algorithm>
#include <utility>

namespace stampede {

RunAccumulator::RunAccumulator(Clock::time_point start, LoadShape::Model model, std::size_t steps)
    : start_(start)
    , model_(model)
    , steps_(std::max<std::size_t>(steps, 1)) {
    current_.row.second = 1;
    startSecond(current_);
}

int RunAccumulator::secondOf(Clock::time_point t) const {
    const auto since = std::chrono::duration_cast<std::chrono::seconds>(t - start_).count();
    return static_cast<int>(std::max<std::int64_t>(since, 0)) + 1;
}

void RunAccumulator::describeLatency(TimeSeriesRow& row, const LatencyHistogram& latency) {
    row.p50Ms = static_cast<double>(latency.quantile(0.50)) / 1000.0;
    row.p90Ms = static_cast<double>(latency.quantile(0.90)) / 1000.0;
    row.p99Ms = static_cast<double>(latency.quantile(0.99)) / 1000.0;
    row.meanMs = latency.count() ? latency.mean() / 1000.0 : 0.0;
}

void RunAccumulator::describeLatency(StepSecond& step, const LatencyHistogram& latency) {
    step.p50Ms = static_cast<double>(latency.quantile(0.50)) / 1000.0;
    step.p90Ms = static_cast<double>(latency.quantile(0.90)) / 1000.0;
    step.p99Ms = static_cast<double>(latency.quantile(0.99)) / 1000.0;
}

void RunAccumulator::startSecond(SecondBucket& bucket) const {
    // A one-step plan's row is its step: no second copy of its figures.
    if (steps_.size() > 1) {
        bucket.row.steps.resize(steps_.size());
        bucket.stepLatency.resize(steps_.size());
    }
}

void RunAccumulator::closeUntil(int second, const Gauges& gauges) {
    while (current_.row.second < second) {
        TimeSeriesRow& row = current_.row;
        describeLatency(row, current_.latency);
        for (std::size_t i = 0; i < row.steps.size(); ++i)
            describeLatency(row.steps[i], current_.stepLatency[i]);
        row.inFlight = gauges.inFlight;
        row.backlog = gauges.backlog;
        row.activeUsers = gauges.activeUsers;
        row.targetRate = gauges.targetRate;
        rows_.push_back(row);
        rowParts_.push_back(current_.latency.parts());
        if (!current_.stepLatency.empty()) {
            auto& steps = rowStepParts_.emplace_back();
            for (const LatencyHistogram& step : current_.stepLatency)
                steps.push_back(step.parts());
        }
        const int next = row.second + 1;
        current_.row = TimeSeriesRow{};
        current_.row.second = next;
        undeliveredLatency_.push_back(std::exchange(current_.latency, LatencyHistogram{}));
        if (!current_.stepLatency.empty())
            undeliveredStepLatency_.push_back(std::move(current_.stepLatency));
        current_.stepLatency.clear();
        startSecond(current_);
    }
}

void RunAccumulator::record(const RequestOutcome& outcome, const Gauges& gauges, int step) {
    closeUntil(secondOf(outcome.done), gauges);
    ++requests_;
    StepCounts& counts = steps_[static_cast<std::size_t>(step)];
    StepFigures& figures = counts.figures;
    ++figures.requests;
    figures.bytes += outcome.bytes;
    if (outcome.status > 0) {
        ++figures.completed;
        ++counts.statuses[outcome.status < 600 ? outcome.status : 0];
    }
    if (outcome.error) {
        ++figures.errors;
        ErrorSummary& summary = figures.errorsByClass[static_cast<std::size_t>(*outcome.error)];
        if (summary.count++ == 0)
            summary.firstMessage = outcome.errorMessage;
    }
    TimeSeriesRow& row = current_.row;
    ++row.completed;
    bytes_ += outcome.bytes;
    row.bytes += outcome.bytes;
    if (outcome.status > 0) {
        ++completed_;
        ++statusCounts_[outcome.status < 600 ? outcome.status : 0];
    }
    StepSecond* stepSecond =
        row.steps.empty() ? nullptr : &row.steps[static_cast<std::size_t>(step)];
    if (stepSecond)
        ++stepSecond->completed;
    if (outcome.error) {
        ++errors_;
        ++row.errors;
        if (stepSecond)
            ++stepSecond->errors;
        const auto index = static_cast<std::size_t>(*outcome.error);
        ++row.errorsByClass[index];
        ErrorSummary& summary = errorsByClass_[index];
        if (summary.count++ == 0)
            summary.firstMessage = outcome.errorMessage;
    }
    // Latency only for requests that got a response: a refused connection takes no time
    // that says anything about the server.
    if (outcome.status > 0) {
        const auto corrected = outcome.done - outcome.intended;
        latency_.record(corrected);
        figures.latency.record(corrected);
        current_.latency.record(corrected);
        if (stepSecond)
            current_.stepLatency[static_cast<std::size_t>(step)].record(corrected);
        if (model_ == LoadShape::Model::Open)
            latencyUncorrected_.record(outcome.done - outcome.started);
    }
}

void RunAccumulator::recordIteration(Clock::duration duration, std::optional<int> failedStep,
                                     std::string_view failure) {
    iterations_.duration.record(duration);
    if (!failedStep) {
        ++iterations_.completed;
        return;
    }
    if (iterations_.failed++ == 0)
        iterations_.firstFailure = std::string(failure);
    for (std::size_t i = static_cast<std::size_t>(*failedStep) + 1; i < steps_.size(); ++i)
        ++steps_[i].figures.skipped;
}

void RunAccumulator::advance(Clock::time_point now, const Gauges& gauges) {
    closeUntil(secondOf(now), gauges);
}

RunSnapshot RunAccumulator::snapshot(RunSnapshot::Phase phase, Clock::time_point now,
                                     const Gauges& gauges) {
    advance(now, gauges);
    const bool final = phase != RunSnapshot::Phase::Running;
    // The part of a second the run lasted becomes a last row if anything finished in it (the
    // rows must add up to the totals) or it lasted long enough to say something; a sliver of a
    // few milliseconds with nothing in it would only draw a false cliff.
    const double lasted =
        std::chrono::duration<double>(now - start_).count() - double(current_.row.second - 1);
    if (final && (current_.row.completed > 0 || lasted >= 0.1)) {
        current_.row.durationS = std::clamp(lasted, 0.001, 1.0);
        closeUntil(current_.row.second + 1, gauges);
    }

    RunSnapshot snap;
    snap.phase = phase;
    snap.model = model_;
    snap.elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(now - start_);
    snap.requests = requests_;
    snap.completed = completed_;
    snap.errors = errors_;
    snap.bytes = bytes_;
    snap.inFlight = gauges.inFlight;
    snap.backlog = gauges.backlog;
    snap.backlogMax = backlogMax_;
    snap.activeUsers = gauges.activeUsers;
    snap.targetRate = gauges.targetRate;
    for (std::size_t status = 0; status < statusCounts_.size(); ++status)
        if (statusCounts_[status] != 0)
            snap.statusCounts.emplace(static_cast<int>(status), statusCounts_[status]);
    snap.errorsByClass = errorsByClass_;
    snap.latency = latency_;
    snap.latencyUncorrected = latencyUncorrected_;
    for (const StepCounts& counts : steps_) {
        StepFigures& figures = snap.steps.emplace_back(counts.figures);
        for (std::size_t status = 0; status < counts.statuses.size(); ++status)
            if (counts.statuses[status] != 0)
                figures.statusCounts.emplace(static_cast<int>(status), counts.statuses[status]);
    }
    snap.iterations = iterations_;
    snap.newRows.assign(rows_.begin() + static_cast<std::ptrdiff_t>(rowsDelivered_), rows_.end());
    rowsDelivered_ = rows_.size();
    snap.newRowLatency = std::move(undeliveredLatency_);
    undeliveredLatency_.clear();
    snap.newRowStepLatency = std::move(undeliveredStepLatency_);
    undeliveredStepLatency_.clear();
    return snap;
}

} // namespace stampede
