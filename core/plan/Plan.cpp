#include "core/plan/Plan.h"

#include "core/text/AsciiText.h"

#include <algorithm>
#include <array>

namespace stampede {
namespace {

constexpr std::array<std::string_view, 6> kMethodNames = {"GET", "HEAD",  "POST",
                                                          "PUT", "PATCH", "DELETE"};
constexpr std::array<std::string_view, 3> kEngineNames = {"auto", "native", "curl"};
constexpr std::array<std::string_view, 3> kHttpVersionNames = {"1.1", "2", "2-prior-knowledge"};

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

std::string_view httpVersionName(HttpVersion version) {
    return kHttpVersionNames[static_cast<std::size_t>(version)];
}

std::optional<HttpVersion> parseHttpVersion(std::string_view name) {
    for (std::size_t i = 0; i < kHttpVersionNames.size(); ++i)
        if (kHttpVersionNames[i] == name)
            return static_cast<HttpVersion>(i);
    return std::nullopt;
}

std::string_view engineName(Engine engine) {
    return kEngineNames[static_cast<std::size_t>(engine)];
}

std::optional<Engine> parseEngine(std::string_view name) {
    for (std::size_t i = 0; i < kEngineNames.size(); ++i)
        if (equalsIgnoringCase(kEngineNames[i], name))
            return static_cast<Engine>(i);
    return std::nullopt;
}

std::optional<std::string> whyNotNative(const Plan& plan, std::string_view url) {
    const std::string_view scheme = url.substr(0, url.find("://"));
    if (!url.empty() && (scheme.size() == url.size() || !equalsIgnoringCase(scheme, "http")))
        return "the URL is not plain http://";
    const std::string_view authority = url.empty() ? "" : url.substr(scheme.size() + 3);
    if (authority.substr(0, authority.find_first_of("/?#")).find('@') != std::string_view::npos)
        return "the URL carries credentials";
    const auto origin = [](std::string_view u) {
        const auto from = u.find("://");
        return u.substr(0, u.find_first_of("/?#", from == std::string_view::npos ? 0 : from + 3));
    };
    for (const Step& step : plan.steps)
        if (step.url.find("://") != std::string::npos && origin(step.url) != origin(url))
            return "a step goes to another host than " +
                   std::string(url.empty() ? "the target" : origin(url));
    if (plan.httpVersion != HttpVersion::Http1_1)
        return "the plan asks for HTTP/2";
    if (plan.followRedirects)
        return "the plan follows redirects";
    return std::nullopt;
}

} // namespace stampede
