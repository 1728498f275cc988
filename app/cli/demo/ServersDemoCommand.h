#pragma once

#include <QStringList>

namespace stampede {

class TerminationSignals;

// `stampede demo servers [--workers W] [--users U] [--delay-ms D] [--seconds S] [--json]`: the
// same load against a sync target with W workers and an async one, side by side, with what
// Little's law predicts.
int runServersDemo(const QStringList& arguments, const TerminationSignals& termination);

} // namespace stampede
