#pragma once

#include <QStringList>

namespace stampede {

class TerminationSignals;

// `stampede demo async [-n N] [--mode gather|as-completed|first|timeout|all] [--timeout-ms T]
// [--latency SPEC] [--seed S] [--json]`: N requests at once to a private embedded target's
// /delay, waited for as asyncio.gather, as_completed and wait (first completed, timeout) do.
int runAsyncDemo(const QStringList& arguments, const TerminationSignals& termination);

} // namespace stampede
