#pragma once

#include "core/engine/RunSnapshot.h"

#include <QString>

#include <optional>
#include <string>

namespace stampede {

// Writes summary.csv, timeseries.csv, status_codes.csv, errors.csv and steps.csv of a
// finished run into `directory`, creating it when missing. Every file is written aside and
// renamed into place only once all five were written, so a failure leaves complete files or none.
// Returns the error, naming the path and the reason; nothing on success.
std::optional<std::string> writeReport(const RunReport& report, const QString& directory);

} // namespace stampede
