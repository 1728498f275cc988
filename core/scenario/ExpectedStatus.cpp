#include "core/scenario/ExpectedStatus.h"

#include "core/text/AsciiText.h"
#include "core/text/ParseNumber.h"

namespace stampede {

std::variant<ExpectedStatus, std::string> ExpectedStatus::parse(std::string_view text) {
    ExpectedStatus out;
    std::size_t at = 0;
    while (at <= text.size()) {
        const auto comma = text.find(',', at);
        const std::string_view item =
            trimmed(text.substr(at, comma == std::string_view::npos ? comma : comma - at));
        if (item.size() == 3 && item[0] >= '1' && item[0] <= '5' &&
            (item.substr(1) == "xx" || item.substr(1) == "XX")) {
            const int base = (item[0] - '0') * 100;
            for (int status = base; status < base + 100; ++status)
                out.accepted_.set(static_cast<std::size_t>(status));
        } else if (const auto status = parseInteger(item, 100, 599)) {
            out.accepted_.set(static_cast<std::size_t>(*status));
        } else if (!item.empty() || comma != std::string_view::npos || at > 0) {
            return "\"" + std::string(item) +
                   "\" is not a status (100 to 599) or a class like 2xx; e.g. \"200, 201\"";
        }
        if (comma == std::string_view::npos)
            break;
        at = comma + 1;
    }
    out.text_ = std::string(text);
    return out;
}

bool ExpectedStatus::accepts(int status) const {
    if (any())
        return status > 0 && status < 400;
    return status >= 0 && status < 600 && accepted_.test(static_cast<std::size_t>(status));
}

} // namespace stampede
