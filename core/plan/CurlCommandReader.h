#pragma once

#include "core/plan/CurlImportResult.h"
#include "core/plan/CurlOption.h"
#include "core/text/AsciiText.h"

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace stampede {

// "http://", "HTTPS://", "git+ssh://": a URL that names its scheme, so none is assumed.
bool hasScheme(std::string_view url);

// One -d/--data... argument: its text for the body, or the file curl would read it from.
struct DataPart {
    std::string text;
    std::optional<std::string> file;
    bool fileIsBody = false; // sent as is, not encoded or spliced: it may become bodyFile
    std::string asTyped;     // for the ignored list when the file cannot be used
};

// Turns the arguments after `curl` into a plan, option by option, as curl would read them.
class CurlCommandReader {
public:
    explicit CurlCommandReader(const Plan& base)
        : plan_(base) {
        // One request: a scenario of one step, to the URL curl was given.
        plan_.url.clear();
        plan_.steps = {Step{}};
        plan_.data = {};
    }

    // Reads the arguments after `curl`; the error, if any.
    std::optional<std::string> read(const std::vector<std::string>& args);
    CurlImportResult result() && { return {std::move(plan_), std::move(ignored_), {}}; }

private:
    std::optional<std::string> apply(const CurlOption& option, const std::string& spelled,
                                     const std::optional<std::string>& value);
    void addHeader(const std::string& spelled, const std::string& line);
    void addData(CurlOptionKind kind, const std::string& spelled, const std::string& value);
    void ignore(const std::string& spelled, const std::optional<std::string>& value) {
        ignored_.push_back(value ? spelled + ' ' + *value : spelled);
    }
    bool hasHeader(std::string_view name) const {
        return std::ranges::any_of(request().headers, [&](const HttpHeader& header) {
            return equalsIgnoringCase(header.name, name);
        });
    }
    std::optional<std::string> finish();
    Step& request() { return plan_.steps.front(); }
    const Step& request() const { return plan_.steps.front(); }

    Plan plan_;
    std::vector<std::string> ignored_;
    std::vector<std::string> urls_;
    std::optional<HttpMethod> explicitMethod_;
    bool get_ = false;
    bool head_ = false;
    bool json_ = false;
    bool otherAuth_ = false;
    bool compressed_ = false;
    std::optional<std::string> user_;
    std::string userSpelled_;
    std::vector<std::string> cookies_;
    std::vector<DataPart> data_;
};

} // namespace stampede
