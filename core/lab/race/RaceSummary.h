#pragma once

#include "core/lab/race/RaceExperiment.h"

#include <QJsonObject>

#include <string>

namespace stampede {

// What `stampede demo race` prints: every run's expected and actual count, as text or JSON.
std::string summaryText(const RaceOptions& options, const RaceReport& report);
QJsonObject summaryJson(const RaceOptions& options, const RaceReport& report);
bool succeeded(const RaceOptions& options, const RaceReport& report);

} // namespace stampede
