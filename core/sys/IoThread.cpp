#include "core/sys/IoThread.h"

#include "core/sys/ThreadName.h"

#include <boost/asio/io_context.hpp>

#include <exception>
#include <iostream>

namespace stampede {

void runIoThread(boost::asio::io_context& io, std::string_view name, ThreadPriority priority,
                 std::string_view who) {
    setCurrentThreadName(name);
    applyToCurrentThread(priority);
    for (;;) {
        try {
            io.run();
            return;
        } catch (const std::exception& e) {
            std::cerr << who << ": " << e.what() << '\n';
        }
    }
}

} // namespace stampede
