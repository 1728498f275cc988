#pragma once

#include <string>

namespace stampede {

// One thread over one sampling period, as the Threads & CPU view shows it.
struct ThreadSample {
    int id = 0;
    std::string name;
    char state = '?';
    double cpuPercent = 0; // of one core, as top and htop count it
    int processor = -1;
    bool running = false; // busy enough in the period to colour its timeline lane
};

} // namespace stampede
