#include "core/monitor/ThreadState.h"

namespace stampede {

std::string describeThreadState(char state) {
    switch (state) {
    case 'R':
        return "running";
    case 'S':
        return "sleeping";
    case 'D':
        return "waiting (disk)";
    case 'I':
        return "idle";
    case 'T':
        return "stopped";
    case 't':
        return "stopped (trace)";
    case 'Z':
        return "zombie";
    case 'X':
    case 'x':
        return "dead";
    case 'P':
        return "parked";
    case 'W':
        return "waking";
    case 'K':
        return "wakekill";
    default:
        return std::string("unknown (") + state + ')';
    }
}

} // namespace stampede
