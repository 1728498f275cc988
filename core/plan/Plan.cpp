#include "core/plan/Plan.h"

#include "core/text/AsciiText.h"

#include <algorithm>
#include <array>

namespace stampede {
namespace {

constexpr std::array<std::string_view, 6> kMethodNames = {"GET", "HEAD",  "POST",
                                                          "PUT", "PATCH", "DELETE"};

} // namespace

std::optional<std::chrono::milliseconds> Plan::plannedDuration() const {
    if (load.stages.empty())
        return duration;
    std::chrono::milliseconds total{0};
    for (const Stage& stage : load.stages)
        total += stage.duration;
    return duration ? std::min(*duration, total) : total;
}

std::string_view methodName(HttpMethod method) {
    return kMethodNames[static_cast<std::size_t>(method)];
}

std::optional<HttpMethod> parseMethod(std::string_view name) {
    for (std::size_t i = 0; i < kMethodNames.size(); ++i) {
        if (equalsIgnoringCase(kMethodNames[i], name))
            return static_cast<HttpMethod>(i);
    }
    return std::nullopt;
}

} // namespace stampede
