#include "core/server/QueryString.h"

namespace stampede {
namespace {

int hexValue(char c) {
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

} // namespace

std::optional<std::string> percentDecode(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '+') {
            out.push_back(' ');
        } else if (c == '%') {
            if (i + 2 >= text.size())
                return std::nullopt;
            const int high = hexValue(text[i + 1]);
            const int low = hexValue(text[i + 2]);
            if (high < 0 || low < 0)
                return std::nullopt;
            out.push_back(static_cast<char>(high * 16 + low));
            i += 2;
        } else {
            out.push_back(c);
        }
    }
    return out;
}

QueryString::QueryString(std::string_view query) {
    while (!query.empty()) {
        const auto amp = query.find('&');
        const std::string_view pair = query.substr(0, amp);
        query = amp == std::string_view::npos ? std::string_view{} : query.substr(amp + 1);
        if (pair.empty())
            continue;
        const auto eq = pair.find('=');
        const auto key = percentDecode(pair.substr(0, eq));
        const auto value =
            percentDecode(eq == std::string_view::npos ? std::string_view{} : pair.substr(eq + 1));
        // A malformed escape keeps its raw text: the caller then rejects the value it cannot
        // parse, which gives a clearer message than dropping the pair silently.
        items_.emplace_back(
            key.value_or(std::string(pair.substr(0, eq))),
            value.value_or(std::string(eq == std::string_view::npos ? std::string_view{}
                                                                    : pair.substr(eq + 1))));
    }
}

std::optional<std::string> QueryString::value(std::string_view key) const {
    for (const auto& [k, v] : items_)
        if (k == key)
            return v;
    return std::nullopt;
}

} // namespace stampede
