#include "core/engine/RunAddition.h"

#include <algorithm>

namespace stampede {

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

void addTotals(RunSnapshot& into, const RunSnapshot& part) {
    into.requests += part.requests;
    into.completed += part.completed;
    into.errors += part.errors;
    into.bytes += part.bytes;
    into.inFlight += part.inFlight;
    into.backlog += part.backlog;
    // The sum of the parts' peaks: the whole's backlog never stood higher.
    into.backlogMax += part.backlogMax;
    into.activeUsers += part.activeUsers;
    into.targetRate += part.targetRate;
    for (const auto& [status, count] : part.statusCounts)
        into.statusCounts[status] += count;
    addErrors(into.errorsByClass, part.errorsByClass);
    into.latency.merge(part.latency);
    into.latencyUncorrected.merge(part.latencyUncorrected);
    into.steps.resize(std::max(into.steps.size(), part.steps.size()));
    for (std::size_t i = 0; i < part.steps.size(); ++i)
        addStep(into.steps[i], part.steps[i]);
    into.iterations.completed += part.iterations.completed;
    into.iterations.failed += part.iterations.failed;
    if (into.iterations.firstFailure.empty())
        into.iterations.firstFailure = part.iterations.firstFailure;
    into.iterations.duration.merge(part.iterations.duration);
}

RunSnapshot::Phase endedAs(RunSnapshot::Phase a, RunSnapshot::Phase b) {
    return static_cast<int>(a) > static_cast<int>(b) ? a : b;
}

} // namespace stampede
