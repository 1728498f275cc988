#include "core/monitor/ParseCpuStat.h"

#include <array>
#include <charconv>
#include <optional>

namespace stampede {

namespace {

std::optional<CoreTicks> parseCoreLine(std::string_view line) {
    CoreTicks ticks;
    const char* at = line.data() + 3; // past "cpu"
    const char* const end = line.data() + line.size();
    const auto core = std::from_chars(at, end, ticks.core);
    if (core.ec != std::errc() || core.ptr == end || *core.ptr != ' ')
        return std::nullopt;

    // user nice system idle iowait irq softirq steal guest guest_nice. guest and guest_nice
    // are already inside user and nice, so, like htop, they are not added again.
    std::array<std::uint64_t, 8> values{};
    std::size_t count = 0;
    at = core.ptr;
    while (count < values.size()) {
        while (at != end && *at == ' ')
            ++at;
        if (at == end)
            break;
        const auto value = std::from_chars(at, end, values[count]);
        if (value.ec != std::errc())
            return std::nullopt;
        at = value.ptr;
        ++count;
    }
    if (count < 4) // kernels before 2.6 had only user nice system idle; fewer is junk
        return std::nullopt;
    const std::uint64_t idle = values[3] + values[4]; // waiting for I/O is not busy
    for (std::size_t i = 0; i < count; ++i)
        ticks.total += values[i];
    ticks.busy = ticks.total - idle;
    return ticks;
}

} // namespace

std::vector<CoreTicks> parseCpuStat(std::string_view content) {
    std::vector<CoreTicks> cores;
    while (!content.empty()) {
        const std::size_t newline = content.find('\n');
        const std::string_view line = content.substr(0, newline);
        content =
            newline == std::string_view::npos ? std::string_view() : content.substr(newline + 1);
        if (line.size() > 3 && line.starts_with("cpu") && line[3] >= '0' && line[3] <= '9')
            if (const auto ticks = parseCoreLine(line))
                cores.push_back(*ticks);
    }
    return cores;
}

} // namespace stampede
