#pragma once

#include "core/plan/Plan.h"
#include "core/plan/ShardChoice.h"
#include "core/report/Threshold.h"

#include <QString>
#include <QStringList>

#include <chrono>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace stampede {

// What `stampede run …` asks for: the plan (from --plan, with flags laid over it) and what
// to do with the results.
struct RunArguments {
    Plan plan;
    QString reportDirectory;
    bool logRequests = false;
    QString resultFile; // --out: the result file to write, if any
    QString junitFile;  // --junit: the thresholds as JUnit XML
    ShardChoice shard;  // --shard K/N, or from Slurm or Kubernetes; the whole run by default
    std::optional<std::chrono::system_clock::time_point> startAt; // --start-at
    bool json = false;
    std::vector<Threshold> thresholds;
};

struct RunHelp {
    QString text;
};

// The arguments, the help text when asked for, or a message saying what is wrong.
std::variant<RunArguments, RunHelp, std::string> parseRunArguments(const QStringList& arguments);

} // namespace stampede
