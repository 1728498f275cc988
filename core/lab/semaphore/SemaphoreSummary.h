#pragma once

#include "core/lab/semaphore/SemaphoreDemo.h"

#include <QJsonObject>

#include <string>

namespace stampede {

// What `stampede demo semaphore` prints: times, the most jobs at once and each job's
// timeline, as text or JSON.
std::string summaryText(const SemaphoreOptions& options, const SemaphoreProgress& progress);
QJsonObject summaryJson(const SemaphoreOptions& options, const SemaphoreProgress& progress);
bool succeeded(const SemaphoreOptions& options, const SemaphoreProgress& progress);

} // namespace stampede
