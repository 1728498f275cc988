#pragma once

#include "core/lab/requests/RequestsDemo.h"

#include <QJsonObject>

#include <string>

namespace stampede {

// What `stampede demo requests` prints: both batches' times and the speed-up, as text or JSON.
std::string summaryText(const RequestsOptions& options, const RequestsProgress& progress);
QJsonObject summaryJson(const RequestsOptions& options, const RequestsProgress& progress);
bool succeeded(const RequestsOptions& options, const RequestsProgress& progress);

} // namespace stampede
