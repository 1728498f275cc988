#pragma once

#include "core/lab/deadlock/DeadlockDemo.h"

#include <QJsonObject>

#include <string>

namespace stampede {

// What `stampede demo deadlock` prints: the cycle the watchdog found and the fixes side by
// side, as text or JSON.
std::string summaryText(const DeadlockOptions& options, const DeadlockProgress& progress);
QJsonObject summaryJson(const DeadlockOptions& options, const DeadlockProgress& progress);
// The cycle was found, every thread gave up, and every fix finished.
bool succeeded(const DeadlockOptions& options, const DeadlockProgress& progress);

} // namespace stampede
