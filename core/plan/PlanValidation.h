#pragma once

#include "core/plan/NumberRange.h"
#include "core/plan/Plan.h"
#include "core/plan/PlanError.h"

#include <optional>

namespace stampede {

// The numeric limits of a plan, named after their JSON fields. Wide enough for any real test,
// narrow enough that a stray zero or three is refused instead of attempted.
inline constexpr NumberRange kUsersRange{"a whole number", 1, 100'000, false, true};
inline constexpr NumberRange kThinkTimeRange{"a whole number of milliseconds", 0, 86'400'000, false,
                                             true};
inline constexpr NumberRange kRateRange{"a number of requests per second", 0, 1e7, true, false};
inline constexpr NumberRange kMaxInFlightRange{"a whole number", 1, 100'000, false, true};
// Beyond the cores of any machine this runs on, threads only take turns.
inline constexpr NumberRange kThreadsRange{"a whole number", 1, 64, false, true};
inline constexpr NumberRange kTimeoutRange{"a whole number of milliseconds", 1, 86'400'000, false,
                                           true};
inline constexpr NumberRange kMaxRedirectsRange{"a whole number", 0, 100, false, true};
// Durations are written in seconds and kept to the millisecond; a year caps a soak test.
inline constexpr NumberRange kDurationRange{"a number of seconds", 0.001, 31'536'000, false, false};
inline constexpr NumberRange kRequestLimitRange{"a whole number", 1, 1e12, false, true};
inline constexpr NumberRange kUsersTargetRange{"a number of users", 0, 100'000, false, false};
inline constexpr NumberRange kRateTargetRange{"a number of requests per second", 0, 1e7, false,
                                              false};

// Each step's figures are kept apart; a flow longer than this is a script, not a scenario.
inline constexpr std::size_t kMaxSteps = 50;

// The checks a plan must pass before it runs, whether it came from a file, the form or
// command-line flags laid over a file. The first problem found, named by its JSON path.
std::optional<PlanError> validatePlan(const Plan& plan);

} // namespace stampede
