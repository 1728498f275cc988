#pragma once

#include "core/lab/servers/ServersDemo.h"

#include <QJsonObject>

#include <string>

namespace stampede {

// What `stampede demo servers` prints: each server's throughput and latency percentiles
// beside what Little's law predicts, and why the sync one stops at W / D.
std::string summaryText(const ServersOptions& options, const ServersProgress& progress);
QJsonObject summaryJson(const ServersOptions& options, const ServersProgress& progress);
bool succeeded(const ServersOptions& options, const ServersProgress& progress);
// The paragraph the window shows under the charts: the law, its figures and the measured.
std::string littlesLawText(const ServersOptions& options, const ServersProgress& progress);

} // namespace stampede
