#pragma once

#include "core/server/TargetStatsSnapshot.h"
#include "core/server/TlsIdentity.h"
#include "core/sys/ThreadPriority.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

namespace stampede {

// How the target serves, the course's Flask-versus-FastAPI lesson: async never blocks (a delay
// is a timer on target-io); sync hands each request to one of `workers` threads that keeps it
// for its whole duration, so throughput stops near workers / service time.
enum class ServerMode { Async, Sync };

struct TargetServerOptions {
    // Loopback unless asked otherwise: the target is a test peer, not a public service.
    std::string address = "127.0.0.1";
    std::uint16_t port = 0;  // 0 = an ephemeral port chosen by the kernel
    std::uint64_t seed = 42; // for ?latency= and ?fail=, so runs can be repeated
    ThreadPriority priority = ThreadPriority::Normal; // target-io's, against the window's
    // Serve HTTPS with this identity (e.g. makeSelfSignedIdentity()); plain HTTP without.
    std::optional<TlsIdentity> tls{};
    ServerMode mode = ServerMode::Async;
    int workers = 4; // sync mode
};

// The embedded HTTP/1.1 target: httpbin-like endpoints with injectable latency and faults,
// served by a Boost.Beast server on its own thread named target-io, over plain TCP or, given
// an identity, over TLS (Asio's OpenSSL stream). Binds in the constructor (throws
// std::runtime_error with a readable message if it cannot, or if OpenSSL refuses the
// identity) and stops in the destructor, closing every open connection.
class TargetServer {
public:
    explicit TargetServer(TargetServerOptions options = {});
    ~TargetServer();

    TargetServer(const TargetServer&) = delete;
    TargetServer& operator=(const TargetServer&) = delete;

    std::uint16_t port() const;
    std::string host() const; // the address clients should use, e.g. "127.0.0.1" or "[::1]"
    std::string url() const;  // "http://127.0.0.1:PORT/", or "https://…" over TLS
    // The certificate clients can trust to reach us (PEM, as for curl --cacert); empty over
    // plain HTTP.
    const std::string& certificatePem() const;

    // Safe from any thread, never blocks the caller on the server.
    TargetStatsSnapshot stats() const;
    ServerMode mode() const;
    int workers() const; // sync mode's; 0 in async mode

    // Closes the listener and every connection, then joins target-io. Idempotent.
    void stop();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace stampede
