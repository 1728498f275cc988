#pragma once

#include "core/engine/ErrorClass.h"
#include "core/engine/RequestRecord.h"
#include "core/engine/TimeSeriesRow.h"
#include "core/plan/Plan.h"
#include "core/stats/LatencyHistogram.h"

#include <array>
#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace stampede {

struct ErrorSummary {
    std::uint64_t count = 0;
    std::string firstMessage; // the first failure of this class, as the transport worded it
};

// One step's figures beside the run's totals, as k6 prints its groups.
struct StepFigures {
    std::uint64_t requests = 0;  // sent and finished in any way
    std::uint64_t completed = 0; // got a whole response (any status)
    std::uint64_t errors = 0;
    std::uint64_t skipped = 0; // never sent: an earlier step of the iteration failed
    std::uint64_t bytes = 0;
    std::map<int, std::uint64_t> statusCounts;
    std::array<ErrorSummary, kErrorClassCount> errorsByClass{};
    LatencyHistogram latency; // as the totals' (corrected in the open model)
};

// The flow as a whole: one iteration is one pass of a virtual user through every step.
struct IterationFigures {
    std::uint64_t completed = 0; // every step succeeded
    std::uint64_t failed = 0;    // a step failed, and the rest of the iteration was skipped
    std::string firstFailure;    // the first failed iteration's step and message
    LatencyHistogram duration;   // of the iterations that ended, think times included
    std::uint64_t ended() const { return completed + failed; }
};

// The state of a run at one moment, handed from engine-io to a sink at most every 100 ms.
// Plain data, moved across threads: the receiver owns it.
//
// Counting: `requests` finished in any way; `completed` of those got a whole HTTP response
// (any status); `errors` = transport failures + responses with status >= 400.
struct RunSnapshot {
    enum class Phase { Running, Finished, Stopped, Failed };

    Phase phase = Phase::Running;
    std::string failure; // Failed: why the run could not start or went on
    LoadShape::Model model = LoadShape::Model::Closed;
    std::chrono::milliseconds elapsed{0};
    std::optional<std::chrono::milliseconds> plannedDuration;
    std::optional<std::uint64_t> requestLimit;

    std::uint64_t requests = 0;
    std::uint64_t completed = 0;
    std::uint64_t errors = 0;
    std::uint64_t bytes = 0;
    std::uint64_t inFlight = 0;
    std::uint64_t backlog = 0;
    std::uint64_t backlogMax = 0;
    double activeUsers = 0;
    double targetRate = 0;

    std::map<int, std::uint64_t> statusCounts;
    std::array<ErrorSummary, kErrorClassCount> errorsByClass{};

    // Closed model: from send to done. Open model: from the intended send time (corrected
    // for coordinated omission); `latencyUncorrected` from the actual send.
    LatencyHistogram latency;
    LatencyHistogram latencyUncorrected;

    std::vector<StepFigures> steps; // one per step of the scenario, in order
    IterationFigures iterations;

    std::vector<TimeSeriesRow> newRows; // seconds completed since the previous snapshot
    // The latency histogram of each of newRows, in the same order: what the shares of a run
    // on several engine threads need to merge their seconds exactly (RunMerger).
    std::vector<LatencyHistogram> newRowLatency;
    // And of each step in each of newRows (a flow's only): newRowStepLatency[row][step].
    std::vector<std::vector<LatencyHistogram>> newRowStepLatency;
    // Requests finished since the previous snapshot, for the request timeline, in the order
    // they finished: the newest kTimelineSampleSize of them, so a fast run sends a bounded
    // but unbroken stretch (every request that finished after the first one listed).
    std::vector<RequestRecord> timelineSample;
    static constexpr std::size_t kTimelineSampleSize = 256;

    bool finished() const { return phase != Phase::Running; }
    double seconds() const { return std::chrono::duration<double>(elapsed).count(); }
    double rps() const { return elapsed.count() > 0 ? double(requests) / seconds() : 0.0; }
    // Of every request finished, the percentage that were errors.
    double errorPercent() const {
        return requests ? 100.0 * double(errors) / double(requests) : 0.0;
    }
    double iterationsPerSecond() const {
        return elapsed.count() > 0 ? double(iterations.ended()) / seconds() : 0.0;
    }
};

// The one word each front end prints for a phase; run JSON's "outcome" promises these.
constexpr const char* phaseName(RunSnapshot::Phase phase) {
    constexpr const char* names[] = {"running", "finished", "stopped", "failed"};
    return names[static_cast<int>(phase)];
}

// Everything a report needs once a run is over.
struct RunReport {
    Plan plan;
    std::string url;       // the URL actually tested (the embedded target's when plan.url is empty)
    std::string engine;    // the transport that carried the requests: "native" or "curl"
    std::string engineWhy; // why that one, e.g. "auto: the plan asks for HTTP/2"
    int threads = 1;       // engine threads that carried a share each (RunMerger)
    // The protocol that answered: "1.1", "2", "1.1+2" when mixed, "" when nothing answered
    // (HttpVersionMix; the native transport is always 1.1). Parts of a run merge by union.
    std::string httpVersion;
    RunSnapshot final;
    std::vector<TimeSeriesRow> timeSeries; // every second of the run
    // Each second's latency histogram, sparse, beside timeSeries: what a result file keeps so
    // that runs merged from files (shards) get each second's percentiles exactly.
    std::vector<LatencyHistogram::Parts> timeSeriesLatency;
    // And of each step in each second, a flow's only: timeSeriesStepLatency[row][step].
    std::vector<std::vector<LatencyHistogram::Parts>> timeSeriesStepLatency;
    // When the run started and ended by the wall clock, and where it ran: how result files of
    // shards on several machines line up, and what a history lists.
    std::chrono::system_clock::time_point startedUtc{};
    std::chrono::system_clock::time_point endedUtc{};
    std::string host;
    // A shard's run (`stampede run --shard K/N`) is part K of N; a merge of shards carries
    // every K it holds. shardCount 0: the whole run, not a shard.
    int shardCount = 0;
    std::vector<int> shards;   // 1 … shardCount, ascending
    double cpuUserSeconds = 0; // of the whole process, during the run
    double cpuSystemSeconds = 0;
};

} // namespace stampede
