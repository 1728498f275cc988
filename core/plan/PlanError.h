#pragma once

#include <string>

namespace stampede {

// Why a plan was refused. `field` is the JSON path of the culprit ("load.stages[1].target"),
// so a person can find it in the file and a flag can be traced to the field it overrode;
// it is empty when the file as a whole is at fault (unreadable, not JSON).
struct PlanError {
    std::string field;
    std::string message;

    std::string text() const { return field.empty() ? message : field + ": " + message; }
    bool operator==(const PlanError&) const = default;
};

} // namespace stampede
