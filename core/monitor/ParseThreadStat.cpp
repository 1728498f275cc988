#include "core/monitor/ParseThreadStat.h"

#include <algorithm>
#include <charconv>
#include <vector>

namespace stampede {

namespace {

template <typename Number> bool parseField(std::string_view text, Number& value) {
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    return error == std::errc() && end == text.data() + text.size();
}

std::vector<std::string_view> splitSpaces(std::string_view text) {
    std::vector<std::string_view> fields;
    std::size_t at = 0;
    while (at < text.size()) {
        const std::size_t start = text.find_first_not_of(" \n", at);
        if (start == std::string_view::npos)
            break;
        const std::size_t end = std::min(text.find_first_of(" \n", start), text.size());
        fields.push_back(text.substr(start, end - start));
        at = end;
    }
    return fields;
}

} // namespace

std::optional<ThreadStat> parseThreadStat(std::string_view line) {
    const std::size_t open = line.find(" (");
    const std::size_t close = line.rfind(')');
    if (open == std::string_view::npos || close == std::string_view::npos || close < open + 2)
        return std::nullopt;
    ThreadStat stat;
    if (!parseField(line.substr(0, open), stat.id))
        return std::nullopt;
    stat.name = std::string(line.substr(open + 2, close - open - 2));

    // fields[0] is field 3 of proc(5), so field N is fields[N - 3].
    const std::vector<std::string_view> fields = splitSpaces(line.substr(close + 1));
    constexpr std::size_t kState = 3, kUtime = 14, kStime = 15, kRss = 24, kProcessor = 39;
    if (fields.size() <= kProcessor - 3 || fields[kState - 3].size() != 1)
        return std::nullopt;
    stat.state = fields[kState - 3].front();
    if (!parseField(fields[kUtime - 3], stat.userTicks) ||
        !parseField(fields[kStime - 3], stat.systemTicks) ||
        !parseField(fields[kRss - 3], stat.rssPages) ||
        !parseField(fields[kProcessor - 3], stat.processor))
        return std::nullopt;
    return stat;
}

} // namespace stampede
