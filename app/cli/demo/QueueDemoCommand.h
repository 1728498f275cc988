#pragma once

#include <QStringList>

namespace stampede {

class TerminationSignals;

// `stampede demo queue [--producers P] [--consumers C] [--capacity K] [--items N]
// [--produce-ms A] [--consume-ms B] [--json]`: producers and consumers around a bounded queue;
// prints the deepest queue against K, items lost or taken twice, and the time each side waited.
int runQueueDemo(const QStringList& arguments, const TerminationSignals& termination);

} // namespace stampede
