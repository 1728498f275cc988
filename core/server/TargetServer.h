#pragma once

#include "core/server/TargetStatsSnapshot.h"
#include "core/sys/ThreadPriority.h"

#include <cstdint>
#include <memory>
#include <string>

namespace stampede {

struct TargetServerOptions {
    // Loopback unless asked otherwise: the target is a test peer, not a public service.
    std::string address = "127.0.0.1";
    std::uint16_t port = 0;  // 0 = an ephemeral port chosen by the kernel
    std::uint64_t seed = 42; // for ?latency= and ?fail=, so runs can be repeated
    ThreadPriority priority = ThreadPriority::Normal; // target-io's, against the window's
};

// The embedded HTTP/1.1 target: httpbin-like endpoints with injectable latency and faults,
// served by a Boost.Beast server on its own thread named target-io. Binds in the constructor
// (throws std::runtime_error with a readable message if it cannot) and stops in the
// destructor, closing every open connection.
class TargetServer {
public:
    explicit TargetServer(TargetServerOptions options = {});
    ~TargetServer();

    TargetServer(const TargetServer&) = delete;
    TargetServer& operator=(const TargetServer&) = delete;

    std::uint16_t port() const;
    std::string host() const; // the address clients should use, e.g. "127.0.0.1" or "[::1]"
    std::string url() const;  // "http://127.0.0.1:PORT/"

    // Safe from any thread, never blocks the caller on the server.
    TargetStatsSnapshot stats() const;

    // Closes the listener and every connection, then joins target-io. Idempotent.
    void stop();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace stampede
