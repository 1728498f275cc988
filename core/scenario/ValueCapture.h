#pragma once

#include "core/plan/Plan.h"

#include <QRegularExpression>

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace stampede {

// What a response offers a capture: its body (as much as was kept of it) and its headers.
struct ResponseView {
    std::string_view body;
    const std::vector<std::pair<std::string, std::string>>* headers = nullptr;
};

// How one value is taken from a response, compiled once when the plan is prepared: a JSON
// path — a JSON pointer such as /items/0/id, or the dotted form people paste from Artillery
// and k6, $.items[0].id — a response header by name, or the first match of a regular
// expression over the body (its first group, when it has one).
class ValueCapture {
public:
    using From = Capture::From;

    // A message naming what is wrong with `expression` when it cannot be compiled.
    static std::variant<ValueCapture, std::string> compile(From from, std::string_view expression);

    // The value, as text (a JSON string without its quotes; numbers, booleans, objects and
    // arrays as JSON); nothing when the response does not have it (a JSON null included).
    std::optional<std::string> take(const ResponseView& response) const;
    From from() const { return from_; }

private:
    struct Step {
        std::string key; // an object member, unless index >= 0
        long long index = -1;
    };
    static std::variant<std::vector<Step>, std::string> jsonPath(std::string_view expression);
    std::optional<std::string> takeJson(std::string_view body) const;

    From from_ = From::Json;
    std::vector<Step> path_;
    std::string header_;
    QRegularExpression regex_;
};

} // namespace stampede
