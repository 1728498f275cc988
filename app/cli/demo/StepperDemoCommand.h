#pragma once

#include <QStringList>

namespace stampede {

class TerminationSignals;

// `stampede demo stepper [--program race|race3|locked|deadlock] [--schedule "1 2 1 2 1 2"]
// [--json]`: every schedule of the program and how each ends, and one replayed step by step on
// real threads.
int runStepperDemo(const QStringList& arguments, const TerminationSignals& termination);

} // namespace stampede
