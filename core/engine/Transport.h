#pragma once

#include "core/engine/HttpVersionMix.h"
#include "core/engine/RenderedRequest.h"
#include "core/engine/RequestOutcome.h"

#include <functional>

namespace stampede {

// How a run's requests travel: libcurl (CurlTransport) or the native HTTP/1.1 one. A
// transport keeps slots, each carrying one request at a time: a virtual user in the closed
// model, a flow in flight in the open one. It knows the scenario's steps (Scenario) and
// prepares what it can of each once; a step with variables comes filled in per request. It stamps
// what only it sees (first byte, done), counts the body bytes and classifies failures; the
// scheduler owns when a request goes. Everything runs on the run's engine-io thread.
class Transport {
public:
    // A request on `slot` ended; `outcome` has all but `intended` and `started`, which the
    // sender keeps. Called from the transport's own handlers, never from inside send().
    using Done = std::function<void(int slot, const RequestOutcome& outcome)>;

    virtual ~Transport() = default;

    virtual int openSlot() = 0; // 0, 1, 2, … in order
    // Sends step `step` on `slot`: `rendered` holds its filled-in text, or is null for a step
    // without variables, whose request the transport made once.
    virtual void send(int slot, int step, const RenderedRequest* rendered) = 0;
    // Ends every request in flight without a Done, and closes every connection now.
    virtual void abandonAll() = 0;
    // The HTTP versions of the whole responses (any status) received so far; none before the
    // first.
    virtual HttpVersionMix answeredVersions() const = 0;
};

} // namespace stampede
