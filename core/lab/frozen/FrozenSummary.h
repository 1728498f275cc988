#pragma once

#include "core/lab/frozen/FrozenDemo.h"

#include <QJsonObject>

#include <string>

namespace stampede {

// What `stampede demo frozen` prints: for each way of sending, how long the N requests took
// and how late the loop's 10 ms timer came at worst.
std::string summaryText(const FrozenOptions& options, const FrozenProgress& progress);
QJsonObject summaryJson(const FrozenOptions& options, const FrozenProgress& progress);
bool succeeded(const FrozenOptions& options, const FrozenProgress& progress);
// "blocked: the loop ran nothing for 2.0 s (worst tick 1 992 ms late)"; for the window too.
std::string frozenRunText(const FrozenRun& run, bool onTheLoop);

} // namespace stampede
