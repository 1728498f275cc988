#pragma once

#include "core/engine/RunSnapshot.h"

namespace stampede {

// How parts of one run add up to the whole, exactly: counts add, histograms add bucket by
// bucket, the first message of each error class is the first part's that has one. One place
// for the engine threads' shares (RunMerger) and the machines' shards (ResultMerge).

// A second's row of one part into the same second of the whole; the latency figures are left
// to RunAccumulator::describeLatency on the merged histograms.
void addRow(TimeSeriesRow& into, const TimeSeriesRow& row);
void addErrors(std::array<ErrorSummary, kErrorClassCount>& into,
               const std::array<ErrorSummary, kErrorClassCount>& part);
void addStep(StepFigures& into, const StepFigures& part);
// Every count, histogram, step and iteration figure of `part`; not the elapsed time, the
// phase, the rows or the timeline, which each merge lines up its own way.
void addTotals(RunSnapshot& into, const RunSnapshot& part);
// A part that failed makes the whole failed; one stopped by the user, stopped.
RunSnapshot::Phase endedAs(RunSnapshot::Phase a, RunSnapshot::Phase b);

} // namespace stampede
