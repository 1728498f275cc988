#include "core/plan/BaseUrl.h"

#include "core/scenario/Scenario.h"

namespace stampede {

void placeOnBaseUrl(Plan& plan, const std::vector<std::string>& urls) {
    if (urls.empty())
        return;
    const std::string base = splitOrigin(urls.front()).first;
    plan.url = base;
    for (std::size_t i = 0; i < urls.size() && i < plan.steps.size(); ++i) {
        auto [origin, path] = splitOrigin(urls[i]);
        plan.steps[i].url = origin == base ? std::move(path) : urls[i];
    }
}

} // namespace stampede
