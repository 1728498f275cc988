#pragma once

#include "core/lab/queue/QueueDemo.h"

#include <QJsonObject>

#include <string>

namespace stampede {

// What `stampede demo queue` prints: items through, the queue's deepest against K, items lost
// or taken twice, time blocked on each side and the rates, as text or JSON.
std::string summaryText(const QueueOptions& options, const QueueProgress& progress);
QJsonObject summaryJson(const QueueOptions& options, const QueueProgress& progress);
// Every item through exactly once and the queue never past its capacity.
bool succeeded(const QueueOptions& options, const QueueProgress& progress);

} // namespace stampede
