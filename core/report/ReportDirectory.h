#pragma once

#include <QByteArray>
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

// Whether `path` can be written as a file: its folder exists and takes a file, and it is not
// a folder itself. Nothing is left behind.
std::optional<std::string> checkWritableFile(const QString& path);

// Writes `bytes` to `path` atomically (QSaveFile): a reader never sees half a file, and a
// failed write leaves what was there. The error is cannotWrite's.
std::optional<std::string> saveFile(const QString& path, const QByteArray& bytes);

// "cannot write PATH: REASON", the one wording every report file error uses.
std::string cannotWrite(const QString& path, const QString& reason);

} // namespace stampede
