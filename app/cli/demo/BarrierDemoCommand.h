#pragma once

#include <QStringList>

namespace stampede {

class TerminationSignals;

// `stampede demo barrier [--threads N] [--phases M] [--work-ms W] [--json]`: N threads work
// unevenly in M phases and meet at a std::barrier after each; prints the slowest thread of
// every phase and how long the others waited for it.
int runBarrierDemo(const QStringList& arguments, const TerminationSignals& termination);

} // namespace stampede
