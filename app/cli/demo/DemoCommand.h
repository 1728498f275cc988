#pragma once

#include <QStringList>

namespace stampede {

class TerminationSignals;

// `stampede demo NAME …`: a Concurrency lab demo in the terminal, printing the figures the
// window shows (or JSON with --json). Exit codes: 0 ran, 1 could not run, 2 bad arguments.
class DemoCommand {
public:
    explicit DemoCommand(const TerminationSignals& termination)
        : termination_(termination) {}

    // arguments[0] is the program, arguments[1] "demo", arguments[2] the demo's name.
    int run(const QStringList& arguments) const;

private:
    const TerminationSignals& termination_;
};

} // namespace stampede
