#pragma once

#include "core/server/ListenAddress.h"
#include "core/server/TargetServer.h"
#include "core/server/TlsIdentity.h"

#include <QStringList>

#include <chrono>
#include <optional>

namespace stampede {

class TerminationSignals;

struct ServeOptions {
    ListenAddress listen;
    std::optional<std::chrono::milliseconds> duration; // none: until Ctrl+C
    bool selfCheck = false;
    std::optional<TlsIdentity> tls; // serve HTTPS with it
    std::string writeCertificate;   // a file to write the served certificate to (PEM)
    ServerMode mode = ServerMode::Async;
    int workers = 4;
};

// `stampede serve`: the embedded target as a standalone server.
class ServeCommand {
public:
    explicit ServeCommand(const TerminationSignals& termination)
        : termination_(termination) {}

    // Parses `stampede serve …` (arguments[0] is the program) and serves. Exit codes:
    // 0 served, 1 could not listen, write the certificate or pass the self-check, 2 bad
    // arguments (unreadable or mismatched --cert/--key files among them).
    int run(const QStringList& arguments) const;
    int serve(const ServeOptions& options) const;

private:
    const TerminationSignals& termination_;
};

} // namespace stampede
