#include "core/sys/ThreadName.h"

#include <array>
#include <pthread.h>

namespace stampede {

void setCurrentThreadName(std::string_view name) {
    constexpr std::size_t kMaxLength = 15;
    const std::string truncated(name.substr(0, kMaxLength));
    pthread_setname_np(pthread_self(), truncated.c_str());
}

std::string currentThreadName() {
    std::array<char, 16> buffer{};
    if (pthread_getname_np(pthread_self(), buffer.data(), buffer.size()) != 0)
        return {};
    return buffer.data();
}

} // namespace stampede
