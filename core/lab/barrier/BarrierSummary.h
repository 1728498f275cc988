#pragma once

#include "core/lab/barrier/BarrierDemo.h"

#include <QJsonObject>

#include <string>

namespace stampede {

// What `stampede demo barrier` prints: per phase the slowest thread and how long the others
// waited for it, the totals, and each thread's times, as text or JSON.
std::string summaryText(const BarrierOptions& options, const BarrierProgress& progress);
QJsonObject summaryJson(const BarrierOptions& options, const BarrierProgress& progress);
// Every phase done, and none released before its last thread arrived.
bool succeeded(const BarrierOptions& options, const BarrierProgress& progress);

} // namespace stampede
