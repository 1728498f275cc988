#pragma once

#include "core/sys/ThreadPriority.h"

#include <string_view>

namespace boost::asio {
class io_context;
}

namespace stampede {

// The body of every thread that owns an io_context (engine-io, target-io): names the thread,
// sets its priority, and runs `io` until it has no more work. A handler that throws must not
// take the whole program down: what escapes is printed, prefixed by `who`, and the loop goes on.
void runIoThread(boost::asio::io_context& io, std::string_view name, ThreadPriority priority,
                 std::string_view who);

} // namespace stampede
