#pragma once

#include <cstdint>
#include <string>

namespace stampede {

// The fields the Threads & CPU view needs from one /proc/<pid>[/task/<tid>]/stat line.
// Ticks are cumulative since the thread (or process) started, in sysconf(_SC_CLK_TCK) units.
struct ThreadStat {
    int id = 0;
    std::string name;
    char state = '?';
    std::uint64_t userTicks = 0;
    std::uint64_t systemTicks = 0;
    int processor = -1; // the core it last ran on
    std::int64_t rssPages = 0;

    std::uint64_t cpuTicks() const { return userTicks + systemTicks; }
};

} // namespace stampede
