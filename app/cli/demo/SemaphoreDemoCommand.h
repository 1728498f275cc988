#pragma once

#include <QStringList>

namespace stampede {

class TerminationSignals;

// `stampede demo semaphore --jobs J --limit K [--job-ms M] [--json]`: J jobs, at most K at a
// time behind a counting semaphore; prints the total time, the most running at once and the
// mean wait and run.
int runSemaphoreDemo(const QStringList& arguments, const TerminationSignals& termination);

} // namespace stampede
