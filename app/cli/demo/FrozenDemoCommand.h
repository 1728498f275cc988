#pragma once

#include <QStringList>

namespace stampede {

class TerminationSignals;

// `stampede demo frozen [-n N] [--delay-ms D] [--json]`: N blocking requests on an event
// loop's own thread, then on the engine's, and how late the loop's timer came each way.
int runFrozenDemo(const QStringList& arguments, const TerminationSignals& termination);

} // namespace stampede
