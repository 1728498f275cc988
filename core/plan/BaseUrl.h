#pragma once

#include "core/plan/Plan.h"

#include <string>
#include <string_view>
#include <vector>

namespace stampede {

// Gives imported steps a base URL: the origin of the first request becomes the plan's URL,
// and every step on that origin keeps only its path ("/cart?id=1"), so one edit of the base
// URL moves the whole flow to another server (staging, then production). Steps on other
// origins keep their absolute URL. `urls[i]` is the absolute URL of `plan.steps[i]`.
void placeOnBaseUrl(Plan& plan, const std::vector<std::string>& urls);

// `path` ("/delay/200") on `base` ("http://127.0.0.1:8080/"), one slash between them.
std::string urlOnBase(std::string base, std::string_view path);

} // namespace stampede
