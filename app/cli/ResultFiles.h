#pragma once

#include "core/engine/RunSnapshot.h"

#include <QStringList>

#include <optional>
#include <string>
#include <vector>

namespace stampede {

// The result files a command was given, read strictly; the first that is not one is said on
// stderr as "stampede COMMAND: FILE: field: why", and nothing is returned.
std::optional<std::vector<RunReport>> readResultFiles(const QStringList& paths,
                                                      const std::string& command);

// A short name per file for tables: the file name, or the path where two file names clash.
std::vector<std::string> resultNames(const QStringList& paths);

} // namespace stampede
