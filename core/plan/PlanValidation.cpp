#include "core/plan/PlanValidation.h"

#include "core/report/Threshold.h"
#include "core/scenario/Scenario.h"

#include <QFileInfo>
#include <QUrl>

#include <algorithm>

namespace stampede {
namespace {

using Problem = std::optional<PlanError>;

std::string indexed(std::string_view path, std::size_t index) {
    return std::string(path) + "[" + std::to_string(index) + "]";
}

Problem outside(const NumberRange& range, double value, std::string field) {
    if (range.contains(value))
        return std::nullopt;
    return PlanError{std::move(field),
                     "must be " + range.describe() + ", not " + NumberRange::format(value)};
}

double seconds(std::chrono::milliseconds value) {
    return double(value.count()) / 1000.0;
}

Problem checkUrl(const std::string& text, const std::string& field) {
    if (text.empty())
        return std::nullopt; // the embedded target
    const auto schemeEnd = text.find("://");
    if (schemeEnd == std::string::npos)
        return PlanError{field, "must start with http:// or https://, not \"" + text + "\""};
    const QUrl url(QString::fromStdString(text), QUrl::StrictMode);
    if (!url.isValid())
        return PlanError{field, "not a valid URL: " + url.errorString().toStdString()};
    const QString scheme = url.scheme().toLower();
    if (scheme != "http" && scheme != "https")
        return PlanError{field,
                         "unsupported scheme " + text.substr(0, schemeEnd) + ", use http or https"};
    if (url.host().isEmpty())
        return PlanError{field, "has no host, e.g. http://127.0.0.1:8080/"};
    return std::nullopt;
}

// Names are HTTP tokens and values single lines, so a header can never smuggle in another.
Problem checkHeaders(const std::vector<HttpHeader>& headers, const std::string& path) {
    const auto isTokenChar = [](unsigned char c) {
        return c > 32 && c < 127 &&
               std::string_view("()<>@,;:\\\"/[]?={}").find(char(c)) == std::string_view::npos;
    };
    for (std::size_t i = 0; i < headers.size(); ++i) {
        const HttpHeader& header = headers[i];
        if (header.name.empty())
            return PlanError{indexed(path, i) + ".name", "must not be empty"};
        if (!std::all_of(header.name.begin(), header.name.end(), isTokenChar))
            return PlanError{indexed(path, i) + ".name",
                             "\"" + header.name +
                                 "\" is not a header name: no spaces, colons or separators"};
        if (header.value.find_first_of(std::string_view("\r\n\0", 3)) != std::string::npos)
            return PlanError{indexed(path, i) + ".value", "must be one line: no CR, LF or NUL"};
    }
    return std::nullopt;
}

// A file the run will read (a CA bundle, a body), checked when the plan is: found out at the
// first request it would fail every request the same way, and after a long run's set-up. Never
// opened: the form checks after every edit, and opening a FIFO would block it.
Problem checkReadableFile(const std::string& path, const std::string& field, const char* what) {
    if (path.empty())
        return std::nullopt;
    const QFileInfo info(QString::fromStdString(path));
    if (!info.exists())
        return PlanError{field, "no such file: " + path};
    if (info.isDir())
        return PlanError{field, path + " is a directory, not " + what};
    if (!info.isFile())
        return PlanError{field, path + " is not a regular file"};
    if (!info.isReadable())
        return PlanError{field, "cannot read " + path + ": permission denied"};
    return std::nullopt;
}

// A URL with {{variables}} is checked as if each were a plain word.
std::string withoutSlots(std::string text) {
    for (auto open = text.find("{{"); open != std::string::npos; open = text.find("{{", open)) {
        const auto close = text.find("}}", open);
        if (close == std::string::npos)
            break;
        text.replace(open, close + 2 - open, "x");
    }
    return text;
}

Problem checkSteps(const Plan& plan) {
    if (plan.steps.empty())
        return PlanError{"scenario.steps", "needs at least one step"};
    if (plan.steps.size() > kMaxSteps)
        return PlanError{"scenario.steps", "has " + std::to_string(plan.steps.size()) +
                                               " steps; a scenario holds at most " +
                                               std::to_string(kMaxSteps)};
    for (std::size_t i = 0; i < plan.steps.size(); ++i) {
        const Step& step = plan.steps[i];
        const std::string path = indexed("scenario.steps", i);
        // One step with no URL of its own is the base URL itself (every plan of version 1);
        // in a flow, a step without one is a step not finished yet.
        if (step.url.empty() && plan.steps.size() > 1)
            return PlanError{path + ".url", "missing: a path on the base URL (/items) or a whole "
                                            "URL; only a one-step plan may leave it empty"};
        if (step.url.find("://") != std::string::npos)
            if (auto problem = checkUrl(withoutSlots(step.url), path + ".url"))
                return problem;
        if (withoutSlots(step.url).find_first_of(std::string_view(" \r\n\t\0", 5)) !=
            std::string::npos)
            return PlanError{path + ".url", "must not hold spaces or line breaks; write %20"};
        if (auto problem = checkHeaders(step.headers, path + ".headers"))
            return problem;
        if (!step.body.empty() && !step.bodyFile.empty())
            return PlanError{path + ".body_file", "give body or body_file, not both"};
        if (auto problem = checkReadableFile(step.bodyFile, path + ".body_file", "a body file"))
            return problem;
        if (auto problem =
                outside(kThinkTimeRange, double(step.thinkTime.count()), path + ".think_time_ms"))
            return problem;
    }
    // Templates, variables, captures, expected statuses and the data file: as a run would
    // compile them (a base URL stands in for the embedded target's).
    auto compiled =
        Scenario::compile(plan, plan.url.empty() ? "http://127.0.0.1/" : plan.url, false);
    if (auto* problem = std::get_if<PlanError>(&compiled))
        return std::move(*problem);
    return std::nullopt;
}

Problem checkRequest(const Plan& plan) {
    if (auto problem = checkUrl(plan.url, "request.url"))
        return problem;
    if (auto problem =
            checkReadableFile(plan.caCertFile, "request.ca_cert_file", "a PEM certificate file"))
        return problem;
    if (auto problem = outside(kTimeoutRange, double(plan.timeout.count()), "request.timeout_ms"))
        return problem;
    if (auto problem = outside(kTimeoutRange, double(plan.connectTimeout.count()),
                               "request.connect_timeout_ms"))
        return problem;
    if (plan.engine == Engine::Native)
        if (auto why = whyNotNative(plan, plan.url))
            return PlanError{"request.engine",
                             "native cannot serve this plan: " + *why + "; choose auto or curl"};
    return outside(kMaxRedirectsRange, plan.maxRedirects, "request.max_redirects");
}

Problem checkLoad(const LoadShape& load) {
    if (auto problem = outside(kUsersRange, load.users, "load.users"))
        return problem;
    if (auto problem =
            outside(kThinkTimeRange, double(load.thinkTime.count()), "load.think_time_ms"))
        return problem;
    if (auto problem = outside(kRateRange, load.rate, "load.rate"))
        return problem;
    if (auto problem = outside(kMaxInFlightRange, load.maxInFlight, "load.max_in_flight"))
        return problem;
    if (auto problem = outside(kThreadsRange, load.threads, "load.threads"))
        return problem;
    const NumberRange& targetRange =
        load.model == LoadShape::Model::Closed ? kUsersTargetRange : kRateTargetRange;
    for (std::size_t i = 0; i < load.stages.size(); ++i) {
        const std::string stage = indexed("load.stages", i);
        if (auto problem =
                outside(kDurationRange, seconds(load.stages[i].duration), stage + ".duration_s"))
            return problem;
        if (auto problem = outside(targetRange, load.stages[i].target, stage + ".target"))
            return problem;
    }
    return std::nullopt;
}

Problem checkStop(const Plan& plan) {
    if (plan.duration) {
        if (auto problem = outside(kDurationRange, seconds(*plan.duration), "stop.duration_s"))
            return problem;
    }
    if (plan.requestLimit) {
        if (auto problem = outside(kRequestLimitRange, double(*plan.requestLimit), "stop.requests"))
            return problem;
    }
    if (!plan.duration && !plan.requestLimit && plan.load.stages.empty())
        return PlanError{"stop", "the run would never end: give stop.duration_s, stop.requests "
                                 "or load.stages"};
    return std::nullopt;
}

} // namespace

std::optional<PlanError> validatePlan(const Plan& plan) {
    if (auto problem = checkRequest(plan))
        return problem;
    if (auto problem = checkSteps(plan))
        return problem;
    if (auto problem = checkLoad(plan.load))
        return problem;
    if (auto problem = checkStop(plan))
        return problem;
    for (std::size_t i = 0; i < plan.thresholds.size(); ++i) {
        auto parsed = Threshold::parse(plan.thresholds[i]);
        if (auto* error = std::get_if<std::string>(&parsed))
            return PlanError{indexed("thresholds", i), std::move(*error)};
    }
    return std::nullopt;
}

} // namespace stampede
