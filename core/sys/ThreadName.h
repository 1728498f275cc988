#pragma once

#include <string>
#include <string_view>

namespace stampede {

// Names the calling thread so that top, gdb and the Threads & CPU view show what it does.
// Linux limits names to 15 bytes; longer names are cut rather than rejected.
void setCurrentThreadName(std::string_view name);

// The calling thread's name as the kernel reports it.
std::string currentThreadName();

} // namespace stampede
