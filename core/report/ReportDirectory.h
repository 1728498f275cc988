#pragma once

#include <QString>

#include <optional>
#include <string>

namespace stampede {

// Creates `directory` and its parents when missing. The error names the path and the
// operating system's reason, which QDir::mkpath would not tell.
std::optional<std::string> ensureReportDirectory(const QString& directory);

// ensureReportDirectory, then a file written and removed there: a run refuses a directory it
// could not write its reports to before it starts, not after a ten-minute run.
std::optional<std::string> checkReportDirectory(const QString& directory);

// "cannot write PATH: REASON", the one wording every report file error uses.
std::string cannotWrite(const QString& path, const QString& reason);

} // namespace stampede
