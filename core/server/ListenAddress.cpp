#include "core/server/ListenAddress.h"

#include "core/text/ParseNumber.h"

#include <boost/asio/ip/address.hpp>

namespace stampede {

std::variant<ListenAddress, std::string> ListenAddress::parse(std::string_view text) {
    const std::string hint = "use HOST:PORT, e.g. 127.0.0.1:8080 or [::1]:8080";
    std::string_view host = "127.0.0.1";
    std::string_view portText = text;

    if (const auto colon = text.rfind(':'); colon != std::string_view::npos) {
        host = text.substr(0, colon);
        portText = text.substr(colon + 1);
        if (host.size() >= 2 && host.front() == '[' && host.back() == ']')
            host = host.substr(1, host.size() - 2);
        else if (host.find(':') != std::string_view::npos)
            return "'" + std::string(text) + "': put an IPv6 address in brackets; " + hint;
    }
    if (host == "localhost")
        host = "127.0.0.1";

    const auto port = parseInteger(portText, 0, 65535);
    if (!port)
        return "'" + std::string(portText) + "' is not a port from 0 to 65535; " + hint;

    boost::system::error_code ec;
    const auto address = boost::asio::ip::make_address(std::string(host), ec);
    if (ec)
        return "'" + std::string(host) + "' is not an IP address; " + hint;
    return ListenAddress{address.to_string(), static_cast<std::uint16_t>(*port)};
}

} // namespace stampede
