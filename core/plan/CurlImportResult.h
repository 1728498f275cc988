#pragma once

#include "core/plan/Plan.h"

#include <string>
#include <vector>

namespace stampede {

struct CurlImportResult {
    Plan plan;
    // Every option of the command that the plan does not reflect, as typed with its value
    // ("-o out.html", "--proxy http://p:3128"), so the user sees what the load test will not do.
    std::vector<std::string> ignored;
    std::string error; // non-empty: the command was refused and `plan` is the base unchanged

    bool ok() const { return error.empty(); }
};

} // namespace stampede
