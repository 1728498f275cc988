#pragma once

#include "core/engine/RequestRecord.h"
#include "core/engine/RunSnapshot.h"

namespace stampede {

// Where a run's results go. Called on engine-io: at most every 100 ms with a snapshot, then
// once with the final report. Implementations hand the data to their own thread (the Qt
// adapter posts it with a queued call) and must return quickly.
class RunSink {
public:
    virtual ~RunSink() = default;
    virtual void onSnapshot(RunSnapshot snapshot) = 0;
    virtual void onFinished(RunReport report) = 0;
    // Every finished request, for requests.csv or a timeline sample. Off unless asked for:
    // it is the only per-request call that leaves the engine.
    virtual bool wantsRequests() const { return false; }
    virtual void onRequest(const RequestRecord& /*record*/) {}
};

} // namespace stampede
