#pragma once

#include "core/lab/async/AsyncDemo.h"

#include <QJsonObject>

#include <string>

namespace stampede {

// What `stampede demo async` prints, and the lines the window shows beside each chart.
std::string summaryText(const AsyncOptions& options, const AsyncProgress& progress);
QJsonObject summaryJson(const AsyncOptions& options, const AsyncProgress& progress);
bool succeeded(const AsyncOptions& options, const AsyncProgress& progress);

// One round in a sentence: what the program took, when, and what it cancelled.
std::string roundSummary(const AsyncRound& round);
// The results in the order the program got them, e.g. "#4 (62 ms), #9 (88 ms)".
std::string takenList(const AsyncRound& round);

} // namespace stampede
