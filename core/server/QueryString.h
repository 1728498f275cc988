#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace stampede {

// The decoded key/value pairs of a URL query ("a=1&b=x%20y"). A key may appear more than
// once; lookups return its first value.
class QueryString {
public:
    QueryString() = default;
    explicit QueryString(std::string_view query);

    std::optional<std::string> value(std::string_view key) const;
    bool contains(std::string_view key) const { return value(key).has_value(); }
    const std::vector<std::pair<std::string, std::string>>& items() const { return items_; }

private:
    std::vector<std::pair<std::string, std::string>> items_;
};

// Percent-decodes a URL component; '+' stands for a space as in HTML forms. Returns nothing
// when a '%' is not followed by two hex digits.
std::optional<std::string> percentDecode(std::string_view text);

} // namespace stampede
