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

std::string urlOnBase(std::string base, std::string_view path) {
    while (!base.empty() && base.back() == '/')
        base.pop_back();
    if (!path.empty() && path.front() != '/')
        base += '/';
    return base.append(path);
}

} // namespace stampede
