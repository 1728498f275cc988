#pragma once

#include "core/server/ListenAddress.h"

#include <QStringList>

#include <chrono>
#include <optional>

namespace stampede {

class TerminationSignals;

struct ServeOptions {
    ListenAddress listen;
    std::optional<std::chrono::milliseconds> duration; // none: until Ctrl+C
    bool selfCheck = false;
};

// `stampede serve`: the embedded target as a standalone server.
class ServeCommand {
public:
    explicit ServeCommand(const TerminationSignals& termination)
        : termination_(termination) {}

    // Parses `stampede serve …` (arguments[0] is the program) and serves. Exit codes:
    // 0 served, 1 could not listen or the self-check failed, 2 bad arguments.
    int run(const QStringList& arguments) const;
    int serve(const ServeOptions& options) const;

private:
    const TerminationSignals& termination_;
};

} // namespace stampede
