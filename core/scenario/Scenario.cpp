#include "core/scenario/Scenario.h"

#include "core/sys/WholeFile.h"

#include <algorithm>

namespace stampede {
namespace {

[[noreturn]] void refuse(std::string field, std::string message) {
    throw PlanError{std::move(field), std::move(message)};
}

TextTemplate split(std::string_view text, VariableNames& names, const std::string& field) {
    auto parsed = TextTemplate::parse(text, names);
    if (auto* error = std::get_if<std::string>(&parsed))
        refuse(field, std::move(*error));
    return std::get<TextTemplate>(std::move(parsed));
}

// Every variable `text` reads is known by now: a column, or captured by an earlier step.
void requireDefined(const TextTemplate& text, const VariableNames& names,
                    const std::vector<bool>& defined, const std::string& field, bool hasDataFile) {
    for (int variable : text.variables())
        if (!defined[static_cast<std::size_t>(variable)])
            refuse(field, "{{" + names.name(variable) + "}} is not defined: no earlier step " +
                              "captures it" +
                              (hasDataFile ? " and the data file has no such column"
                                           : " and there is no data file"));
}

std::string defaultName(const Step& step, std::size_t index) {
    if (!step.name.empty())
        return step.name;
    const std::string url = step.url.empty() ? "/" : step.url;
    return std::to_string(index + 1) + " " + std::string(methodName(step.method)) + " " + url;
}

} // namespace

std::pair<std::string, std::string> splitOrigin(std::string_view url) {
    const auto scheme = url.find("://");
    const auto from = scheme == std::string_view::npos ? 0 : scheme + 3;
    const auto pathAt = std::min(url.find_first_of("/?#", from), url.size());
    std::string rest(url.substr(pathAt));
    rest = rest.substr(0, rest.find('#'));
    if (rest.empty() || rest.front() == '?')
        rest.insert(0, "/");
    return {std::string(url.substr(0, pathAt)), rest};
}

bool ScenarioStep::constant() const {
    return target.constant() && body.constant() &&
           std::all_of(headers.begin(), headers.end(),
                       [](const Header& header) { return header.value.constant(); });
}

bool Scenario::oneOrigin() const {
    return std::all_of(steps_.begin(), steps_.end(), [this](const ScenarioStep& step) {
        return step.origin == steps_.front().origin;
    });
}

std::variant<Scenario, PlanError> Scenario::compile(const Plan& plan, const std::string& baseUrl,
                                                    bool readBodies) {
    try {
        Scenario out;
        const auto [baseOrigin, baseTarget] = splitOrigin(baseUrl);
        std::vector<bool> defined;
        const auto define = [&](int variable) {
            defined.resize(std::max(defined.size(), static_cast<std::size_t>(variable) + 1));
            defined[static_cast<std::size_t>(variable)] = true;
        };
        if (!plan.data.file.empty()) {
            auto data = DataFile::read(plan.data.file);
            if (auto* error = std::get_if<std::string>(&data))
                refuse("scenario.data_file", std::move(*error));
            out.data_ = std::get<DataFile>(std::move(data));
            for (const std::string& column : out.data_->columns()) {
                out.columnVariables_.push_back(out.names_.add(column));
                define(out.columnVariables_.back());
            }
        }
        const bool hasData = out.data_.has_value();
        for (std::size_t i = 0; i < plan.steps.size(); ++i) {
            const Step& step = plan.steps[i];
            const std::string path = "scenario.steps[" + std::to_string(i) + "]";
            ScenarioStep compiled;
            compiled.name = defaultName(step, i);
            compiled.method = step.method;
            compiled.contentType = step.contentType;
            compiled.thinkTime = step.thinkTime;

            std::string target;
            if (step.url.empty()) {
                compiled.origin = baseOrigin;
                target = baseTarget;
            } else if (step.url.front() == '/') {
                compiled.origin = baseOrigin;
                target = step.url;
            } else if (step.url.find("://") != std::string::npos) {
                std::tie(compiled.origin, target) = splitOrigin(step.url);
                if (compiled.origin.find("{{") != std::string::npos)
                    refuse(path + ".url", "variables go in the path and query, not in the host");
            } else {
                refuse(path + ".url",
                       "must be absolute (http://…) or start with /, not \"" + step.url + "\"");
            }
            compiled.target = split(target, out.names_, path + ".url");
            for (std::size_t h = 0; h < step.headers.size(); ++h)
                compiled.headers.push_back(
                    {step.headers[h].name,
                     split(step.headers[h].value, out.names_,
                           path + ".headers[" + std::to_string(h) + "].value")});
            if (!step.bodyFile.empty()) {
                // A body file goes as it is: a binary upload has no slots.
                std::string why;
                std::optional<std::string> content;
                if (readBodies && !(content = readWholeFile(step.bodyFile, &why)))
                    refuse(path + ".body_file", "cannot read " + step.bodyFile + ": " + why);
                if (content)
                    compiled.body = TextTemplate::verbatim(std::move(*content));
            } else {
                compiled.body = split(step.body, out.names_, path + ".body");
            }
            defined.resize(static_cast<std::size_t>(out.names_.size()));
            requireDefined(compiled.target, out.names_, defined, path + ".url", hasData);
            for (std::size_t h = 0; h < compiled.headers.size(); ++h)
                requireDefined(compiled.headers[h].value, out.names_, defined,
                               path + ".headers[" + std::to_string(h) + "].value", hasData);
            requireDefined(compiled.body, out.names_, defined, path + ".body", hasData);

            if (!step.expectStatus.empty()) {
                auto expect = ExpectedStatus::parse(step.expectStatus);
                if (auto* error = std::get_if<std::string>(&expect))
                    refuse(path + ".expect_status", std::move(*error));
                compiled.expect = std::get<ExpectedStatus>(std::move(expect));
            }
            for (std::size_t c = 0; c < step.captures.size(); ++c) {
                const Capture& capture = step.captures[c];
                const std::string field = path + ".captures[" + std::to_string(c) + "]";
                const char* key = capture.from == Capture::From::Json     ? ".json"
                                  : capture.from == Capture::From::Header ? ".header"
                                                                          : ".regex";
                auto compiledCapture = ValueCapture::compile(capture.from, capture.expression);
                if (auto* error = std::get_if<std::string>(&compiledCapture))
                    refuse(field + key, std::move(*error));
                VariableNames probe;
                auto asName = TextTemplate::parse("{{" + capture.as + "}}", probe);
                if (capture.as.empty() || std::holds_alternative<std::string>(asName) ||
                    probe.size() != 1)
                    refuse(field + ".as",
                           "\"" + capture.as +
                               "\" is not a variable name: letters, digits, _ . -, not a "
                               "built-in (user, iteration, uuid)");
                const int variable = out.names_.add(capture.as);
                define(variable);
                compiled.keepBody = compiled.keepBody || capture.from != Capture::From::Header;
                compiled.keepHeaders =
                    compiled.keepHeaders || capture.from == Capture::From::Header;
                compiled.captures.push_back(
                    {std::get<ValueCapture>(std::move(compiledCapture)), variable});
            }
            out.steps_.push_back(std::move(compiled));
        }
        return out;
    } catch (PlanError& error) {
        return std::move(error);
    }
}

} // namespace stampede
