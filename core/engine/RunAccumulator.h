#pragma once

#include "core/engine/RequestOutcome.h"
#include "core/engine/RunSnapshot.h"

#include <array>
#include <chrono>
#include <optional>
#include <string_view>
#include <vector>

namespace stampede {

// Folds finished requests into the run's counters, histograms and per-second rows, on the
// engine thread, O(1) per request; builds the snapshots handed to the GUI and reports.
class RunAccumulator {
public:
    using Clock = RequestOutcome::Clock;

    // What the engine's scheduler knows at a moment; the accumulator only records it.
    struct Gauges {
        std::uint64_t inFlight = 0;
        std::uint64_t backlog = 0;
        double activeUsers = 0;
        double targetRate = 0;
    };

    RunAccumulator(Clock::time_point start, LoadShape::Model model, std::size_t steps = 1);

    // A request of step `step` ended.
    void record(const RequestOutcome& outcome, const Gauges& gauges, int step = 0);
    // An iteration of the flow ended after `duration`: whole, or failed at `failedStep`,
    // whose message was `failure`; the steps after it were skipped.
    void recordIteration(Clock::duration duration, std::optional<int> failedStep = std::nullopt,
                         std::string_view failure = {});
    // Closes every whole second that has passed by `now`.
    void advance(Clock::time_point now, const Gauges& gauges);
    void noteBacklog(std::uint64_t backlog) { backlogMax_ = std::max(backlogMax_, backlog); }

    // A snapshot with the rows closed since the previous one. At the end, pass a final
    // phase: the partial last second is closed too.
    RunSnapshot snapshot(RunSnapshot::Phase phase, Clock::time_point now, const Gauges& gauges);

    const std::vector<TimeSeriesRow>& rows() const { return rows_; }
    // The latency histogram of each of rows(), sparse.
    const std::vector<LatencyHistogram::Parts>& rowLatency() const { return rowParts_; }
    // A flow's: each step's histogram in each of rows(), [row][step]; empty for one step.
    const std::vector<std::vector<LatencyHistogram::Parts>>& rowStepLatency() const {
        return rowStepParts_;
    }
    // A row's latency figures (percentiles and mean, in ms) from its second's histogram.
    static void describeLatency(TimeSeriesRow& row, const LatencyHistogram& latency);
    static void describeLatency(StepSecond& step, const LatencyHistogram& latency);
    std::uint64_t requests() const { return requests_; }

private:
    struct StepCounts {
        StepFigures figures; // statusCounts left empty: counted in `statuses`
        std::array<std::uint64_t, 600> statuses{};
    };
    struct SecondBucket {
        TimeSeriesRow row;
        LatencyHistogram latency;
        std::vector<LatencyHistogram> stepLatency; // a flow's, one per step
    };

    int secondOf(Clock::time_point t) const;
    void startSecond(SecondBucket& bucket) const;
    void closeUntil(int second, const Gauges& gauges);

    Clock::time_point start_;
    LoadShape::Model model_;
    std::uint64_t requests_ = 0;
    std::uint64_t completed_ = 0;
    std::uint64_t errors_ = 0;
    std::uint64_t bytes_ = 0;
    std::uint64_t backlogMax_ = 0;
    std::array<std::uint64_t, 600> statusCounts_{};
    std::array<ErrorSummary, kErrorClassCount> errorsByClass_{};
    LatencyHistogram latency_;
    LatencyHistogram latencyUncorrected_;
    std::vector<StepCounts> steps_;
    IterationFigures iterations_;
    SecondBucket current_;
    std::vector<TimeSeriesRow> rows_;
    std::vector<LatencyHistogram::Parts> rowParts_;
    std::vector<std::vector<LatencyHistogram::Parts>> rowStepParts_;
    std::vector<LatencyHistogram> undeliveredLatency_; // of the rows since the last snapshot
    std::vector<std::vector<LatencyHistogram>> undeliveredStepLatency_;
    std::size_t rowsDelivered_ = 0;
};

} // namespace stampede
