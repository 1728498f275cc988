#pragma once

#include <QStringList>

namespace stampede {

class TerminationSignals;

// `stampede demo race`: lost updates on a shared counter in four modes, the size sweep and
// the wallet.
int runRaceDemo(const QStringList& arguments, const TerminationSignals& termination);

} // namespace stampede
