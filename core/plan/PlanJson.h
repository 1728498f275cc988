#pragma once

#include "core/plan/Plan.h"
#include "core/plan/PlanError.h"

#include <QByteArray>
#include <QString>

#include <optional>
#include <string>
#include <variant>

namespace stampede {

// The plan file format, version 2 (see "Plan files" in README.md): the request settings, a
// scenario of steps, the load, the stop. Version 1 files, one request with its method,
// headers and body under "request", still read, as a scenario of one step. Reading is strict:
// unknown keys, numbers written as strings and out-of-range values are refused with the
// JSON path of the field, because a typo that is silently ignored makes a wrong load test.
class PlanJson {
public:
    static constexpr int kVersion = 2;
    static constexpr int kOldestVersion = 1;

    // Every field, in the order the format documents them; reads back to an equal Plan.
    static QByteArray write(const Plan& plan);

    // Whole: every field and the plan as a whole (validatePlan, which looks at the files it
    // names). Fields: each field alone, for a plan kept in a result file from another machine.
    enum class Check { Whole, Fields };
    static std::variant<Plan, PlanError> read(const QByteArray& json, Check check = Check::Whole);
    static std::variant<Plan, PlanError> readFile(const QString& path, Check check = Check::Whole);
    // Written aside and renamed into place, so a failure leaves the old file whole.
    // Returns the error, naming the path and the reason; nothing on success.
    static std::optional<std::string> writeFile(const Plan& plan, const QString& path);
};

} // namespace stampede
