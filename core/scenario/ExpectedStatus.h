#pragma once

#include <bitset>
#include <string>
#include <string_view>
#include <variant>

namespace stampede {

// The statuses a step accepts, written as people write them: "200", "2xx", "200, 201, 3xx".
// Any other status is an error of class unexpected_status. Unset, a step accepts what the
// engine always accepts: every status below 400.
class ExpectedStatus {
public:
    ExpectedStatus() = default;
    static std::variant<ExpectedStatus, std::string> parse(std::string_view text);

    bool any() const { return accepted_.none(); } // nothing written: below 400 is fine
    bool accepts(int status) const;
    const std::string& text() const { return text_; }

private:
    std::bitset<600> accepted_;
    std::string text_;
};

} // namespace stampede
