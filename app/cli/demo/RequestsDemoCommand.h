#pragma once

#include <QStringList>

namespace stampede {

class TerminationSignals;

// `stampede demo requests -n N [--delay-ms D] [--json]`: N requests to the embedded
// target's /delay/D, first one at a time, then all at once; prints both times and the
// speed-up.
int runRequestsDemo(const QStringList& arguments, const TerminationSignals& termination);

} // namespace stampede
