#pragma once

#include "core/lab/pi/PiEstimator.h"
#include "core/lab/pi/PiSweep.h"

#include <QJsonObject>

#include <string>

namespace stampede {

// What `stampede demo pi` prints: the figures the window shows, as text or JSON.
std::string summaryText(const PiOptions& options, const PiProgress& run);
QJsonObject summaryJson(const PiOptions& options, const PiProgress& run);
bool succeeded(const PiOptions& options, const PiProgress& run);

std::string summaryText(const PiSweepOptions& options, const PiSweepProgress& sweep);
QJsonObject summaryJson(const PiSweepOptions& options, const PiSweepProgress& sweep);
bool succeeded(const PiSweepOptions& options, const PiSweepProgress& sweep);

} // namespace stampede
