#pragma once

#include <QStringList>

namespace stampede {

class TerminationSignals;

// `stampede demo pi`: Monte Carlo π on T threads, or with --sweep the speed-up sweep.
int runPiDemo(const QStringList& arguments, const TerminationSignals& termination);

} // namespace stampede
