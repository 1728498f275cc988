#pragma once

#include "core/plan/Plan.h"
#include "core/plan/PlanError.h"
#include "core/scenario/DataFile.h"
#include "core/scenario/ExpectedStatus.h"
#include "core/scenario/TextTemplate.h"
#include "core/scenario/ValueCapture.h"
#include "core/scenario/VariableNames.h"

#include <chrono>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace stampede {

// A response body kept for captures stops here: past it the capture fails with a clear
// message instead of memory growing with the server's answers.
inline constexpr std::size_t kKeptBodyLimit = 1024 * 1024;

// One step of a scenario ready to send: its templates split, its captures compiled, its body
// file read. The origin (scheme, host, port) is fixed; variables go in the path and query,
// the header values and the body.
struct ScenarioStep {
    struct Header {
        std::string name;
        TextTemplate value;
    };
    struct Take {
        ValueCapture capture;
        int variable = -1; // VariableNames number
    };

    std::string name; // the plan's, or "METHOD /path" when it has none
    HttpMethod method = HttpMethod::Get;
    std::string origin;  // "http://127.0.0.1:8080"
    TextTemplate target; // "/items/{{id}}?page=1"
    std::vector<Header> headers;
    TextTemplate body;
    std::string contentType;
    std::chrono::milliseconds thinkTime{0};
    std::vector<Take> captures;
    ExpectedStatus expect;
    bool keepBody = false;    // a JSON or regex capture reads the body
    bool keepHeaders = false; // a header capture reads the headers

    // No slot anywhere: the transport builds its request once.
    bool constant() const;
    // For a constant step: the whole URL.
    std::string url() const { return origin + target.literal(); }
};

// A plan's scenario compiled once for a run (or for a check of the plan): what each request
// sends, where its variables come from. A variable must be a data-file column or captured by
// an earlier step; anything else is refused, naming the step and field.
class Scenario {
public:
    // `baseUrl` is the plan's URL, or the embedded target's when it has none. Reads the data
    // file (its columns name variables), and the body files when `readBodies` is set: a check
    // of the plan after every edit in the form leaves them to the run.
    static std::variant<Scenario, PlanError> compile(const Plan& plan, const std::string& baseUrl,
                                                     bool readBodies);

    const std::vector<ScenarioStep>& steps() const { return steps_; }
    const VariableNames& names() const { return names_; }
    const std::optional<DataFile>& data() const { return data_; }
    // The variable of each data-file column, in column order.
    const std::vector<int>& columnVariables() const { return columnVariables_; }
    // Every step has the same origin: one connection pool serves them all.
    bool oneOrigin() const;

private:
    std::vector<ScenarioStep> steps_;
    VariableNames names_;
    std::optional<DataFile> data_;
    std::vector<int> columnVariables_;
};

// The scheme and authority of an absolute URL ("http://a:1" of "http://a:1/x?y") and the
// rest, from the path on ("/x?y", or "/" when it has none; a fragment is dropped).
std::pair<std::string, std::string> splitOrigin(std::string_view url);

} // namespace stampede
