#pragma once

#include "core/lab/stepper/StepperDemo.h"

#include <QJsonObject>

#include <string>

namespace stampede {

// What `stampede demo stepper` prints: the replayed schedule step by step, where it ended,
// and how every schedule ends.
std::string summaryText(const StepperOptions& options, const StepperProgress& progress);
QJsonObject summaryJson(const StepperOptions& options, const StepperProgress& progress);
bool succeeded(const StepperOptions& options, const StepperProgress& progress);
// "20 schedules: 2 end at 2, 18 end at 1", or with deadlocks "6 schedules: 4 finish, 2
// deadlock".
std::string scheduleCountText(const StepProgram& program, const ScheduleCount& all);
// Where the replay (or a hand-stepped run) stands: "counter 1, expected 2: an update was lost".
std::string verdictText(const StepMachine& machine);

} // namespace stampede
