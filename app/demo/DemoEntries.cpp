#include "DemoEntry.h"

#include <array>

namespace stampede {

// Each demo's command lives in its own file beside this one; add it here to make it callable.
std::span<const DemoEntry> demoEntries() {
    static const std::array<DemoEntry, 0> entries{};
    return entries;
}

} // namespace stampede
