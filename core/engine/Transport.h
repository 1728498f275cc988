#pragma once

#include "core/engine/HttpVersionMix.h"
#include "core/engine/RequestOutcome.h"

#include <functional>
#include <string>

namespace stampede {

// How a run's requests travel: libcurl (CurlTransport) or, next, a native HTTP/1.1 one. A
// transport keeps slots, each carrying one request at a time: a virtual user in the closed
// model, a request in flight in the open one. It stamps what only it sees (first byte, done),
// counts the body bytes and classifies failures; the scheduler owns when a request goes.
// Everything runs on the run's engine-io thread.
class Transport {
public:
    // A request on `slot` ended; `outcome` has all but `intended` and `started`, which the
    // sender keeps. Called from the transport's own handlers, never from inside send().
    using Done = std::function<void(int slot, const RequestOutcome& outcome)>;

    virtual ~Transport() = default;

    virtual int openSlot() = 0; // 0, 1, 2, … in order
    virtual void send(int slot) = 0;
    // Ends every request in flight without a Done, and closes every connection now.
    virtual void abandonAll() = 0;
    virtual const std::string& url() const = 0;
    // The HTTP versions of the whole responses (any status) received so far; none before the
    // first.
    virtual HttpVersionMix answeredVersions() const = 0;
};

} // namespace stampede
