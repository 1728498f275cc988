#pragma once

#include "core/engine/RequestRecord.h"
#include "core/lab/async/AsyncMode.h"

#include <optional>
#include <string>
#include <vector>

namespace stampede {

// What became of one request of a round, as its Gantt bar shows it.
struct AsyncRequest {
    enum class State {
        Running,   // sent, no answer yet
        Done,      // answered, but the program has not taken (or did not take) the result
        Taken,     // answered, and the result is the program's
        Cancelled, // still in flight when the engine's stop closed its connection
    };
    int index = 0;     // in the order they were sent, from 0: the virtual user that sent it
    int plannedMs = 0; // the delay it asked the server for
    double startedMs = 0;
    double endMs = -1; // answered or cancelled, since the round's start; -1 while it runs
    State state = State::Running;
    int status = 0;
    bool failed = false; // answered with an error (a failed task is done too)
};

// One way of waiting for the N requests, on one run of the engine.
struct AsyncRound {
    AsyncMode mode = AsyncMode::Gather;
    bool started = false;
    bool ended = false;
    bool stoppedByUser = false;
    double timeoutMs = 0;                   // Timeout: T
    double nowMs = 0;                       // since the round's start: where open bars end
    std::vector<int> plannedMs;             // by request
    std::vector<RequestRecord> completions; // in the order the program received them
    // When the engine's stop closed every connection still waiting. The engine does not
    // report requests it abandons: every request sent and not in `completions` was cancelled
    // at this moment.
    std::optional<double> cancelledAtMs;

    int requestCount() const { return static_cast<int>(plannedMs.size()); }
    // The results the program has, by request index, in the order it gets them: gather's all
    // at once in the order sent (only when every one came), as_completed's in completion
    // order, the first completed alone, or those done by the timeout.
    std::vector<int> taken() const;
    std::vector<AsyncRequest> requests() const; // by index
    int cancelled() const;
    int errors() const;
    // The last answer or the cancel, whichever came later; 0 before either.
    double endMs() const;
};

// The gather / as_completed / wait demo at one moment, copied for the window or the terminal.
struct AsyncProgress {
    enum class Phase { Idle, Running, Done, Stopped, Failed };

    Phase phase = Phase::Idle;
    int requests = 0;
    std::vector<AsyncRound> rounds; // one per mode asked for, in order
    std::string failure;            // Failed: why a run could not start

    bool ended() const {
        return phase == Phase::Done || phase == Phase::Stopped || phase == Phase::Failed;
    }
    bool failed() const { return phase == Phase::Failed; }
};

} // namespace stampede
