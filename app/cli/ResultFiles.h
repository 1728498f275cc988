#pragma once

#include "core/engine/RunSnapshot.h"

#include <QCommandLineParser>
#include <QStringList>

#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace stampede {

// The result files a command was given, read strictly; the first that is not one is said on
// stderr as "stampede COMMAND: FILE: field: why", and nothing is returned.
std::optional<std::vector<RunReport>> readResultFiles(const QStringList& paths,
                                                      const std::string& command);

// Says what is wrong with a command line of `stampede COMMAND` and how to get help; exit 2.
int refuseUsage(const std::string& command, const std::string& message);

// The result files named after `stampede COMMAND`, two or more; or, when there is nothing to
// do, the exit code: 0 once --help is printed, 2 once a bad command line is said (`usage`
// shows a good one).
std::variant<QStringList, int> resultFileArguments(QCommandLineParser& parser,
                                                   const QStringList& arguments,
                                                   const std::string& command,
                                                   const std::string& usage);

// A short name per file for tables: the file name, or the path where two file names clash.
std::vector<std::string> resultNames(const QStringList& paths);

} // namespace stampede
