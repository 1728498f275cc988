#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

namespace stampede {

// Where `stampede serve --listen` binds: "127.0.0.1:8080", "[::1]:8080", "localhost:8080",
// or a bare port, which means loopback. Port 0 asks the kernel for a free one.
struct ListenAddress {
    std::string address = "127.0.0.1";
    std::uint16_t port = 0;

    // The address, or a message saying what is wrong with the text.
    static std::variant<ListenAddress, std::string> parse(std::string_view text);
};

} // namespace stampede
