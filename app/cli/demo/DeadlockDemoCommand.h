#pragma once

#include <QStringList>

namespace stampede {

class TerminationSignals;

// `stampede demo deadlock [--threads N] [--json]`: a ring of threads deadlocks, the
// watchdog prints the wait-for cycle, then the three fixes run side by side and finish.
int runDeadlockDemo(const QStringList& arguments, const TerminationSignals& termination);

} // namespace stampede
