#include "core/net/HttpProbe.h"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>

namespace stampede {
namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;

ProbeResponse HttpProbe::send(const ProbeRequest& request) const {
    const auto started = std::chrono::steady_clock::now();
    ProbeResponse result;
    asio::io_context io;
    beast::tcp_stream stream(io);
    beast::flat_buffer buffer;
    http::request<http::string_body> message;
    message.method_string(request.method);
    message.target(request.target);
    message.version(11);
    message.set(http::field::host, host_ + ":" + std::to_string(port_));
    message.set(http::field::user_agent, "stampede-probe");
    for (const auto& [name, value] : request.headers)
        message.set(name, value);
    if (!request.body.empty() || message.method() != http::verb::get) {
        message.body() = request.body;
        message.prepare_payload();
    }
    http::response_parser<http::string_body> parser;
    parser.body_limit(128 * 1024 * 1024);
    if (message.method() == http::verb::head)
        parser.skip(true);

    // The address is a literal (we never resolve names): strip IPv6 brackets.
    std::string address = host_;
    if (address.size() > 2 && address.front() == '[')
        address = address.substr(1, address.size() - 2);
    boost::system::error_code ec;
    const asio::ip::tcp::endpoint endpoint(asio::ip::make_address(address, ec), port_);
    if (ec) {
        result.error = ec;
        return result;
    }

    stream.expires_after(request.timeout);
    stream.async_connect(endpoint, [&](beast::error_code connectError) {
        if (connectError) {
            result.error = connectError;
            return;
        }
        http::async_write(stream, message, [&](beast::error_code writeError, std::size_t) {
            if (writeError) {
                result.error = writeError;
                return;
            }
            http::async_read(stream, buffer, parser, [&](beast::error_code readError, std::size_t) {
                result.error = readError;
            });
        });
    });
    io.run();

    if (parser.is_header_done()) {
        const auto& response = parser.get();
        result.status = static_cast<int>(response.result_int());
        result.contentType = std::string(response[http::field::content_type]);
        result.body = response.body();
    }
    result.elapsed = std::chrono::duration_cast<std::chrono::microseconds>(
        std::chrono::steady_clock::now() - started);
    return result;
}

} // namespace stampede
