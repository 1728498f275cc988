#pragma once

#include <QStringList>

namespace stampede {

class TerminationSignals;

// `stampede run`: a load test from the terminal or CI. Exit codes: 0 ran (thresholds met),
// 1 could not run or write its reports, 2 bad arguments or plan, 3 a threshold breached.
class RunCommand {
public:
    explicit RunCommand(const TerminationSignals& termination)
        : termination_(termination) {}

    // arguments[0] is the program, arguments[1] "run".
    int run(const QStringList& arguments) const;

private:
    const TerminationSignals& termination_;
};

} // namespace stampede
