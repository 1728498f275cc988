#pragma once

#include "core/server/TargetReply.h"

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/ssl/stream.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>

#include <array>
#include <memory>
#include <optional>
#include <string>

namespace stampede {

class SyncWorkers;
class TargetRouter;
class TargetStats;

// One client connection of the embedded target: reads requests (keep-alive), asks the router
// what to do and does it. Lives on target-io; every pending wait holds a shared_ptr to it.
// Given a TLS context it first does the server handshake, then speaks HTTP through the TLS
// stream; socket-level acts (no-delay, half-close, reset) stay on the TCP socket beneath.
class TargetSession : public std::enable_shared_from_this<TargetSession> {
public:
    static constexpr std::uint32_t kHeaderLimit = 8 * 1024;
    static constexpr std::uint64_t kBodyLimit = 8 * 1024 * 1024;

    // `tls` (may be null: plain HTTP) must outlive the session. With `workers` (the sync
    // server's), each request is routed and held on a worker, then answered from target-io.
    TargetSession(boost::asio::ip::tcp::socket socket, boost::asio::ssl::context* tls,
                  TargetRouter& router, TargetStats& stats, SyncWorkers* workers = nullptr);
    ~TargetSession();

    TargetSession(const TargetSession&) = delete;
    TargetSession& operator=(const TargetSession&) = delete;

    void start();
    // Ends the connection now; pending operations complete with operation_aborted.
    void close();

private:
    using Request = boost::beast::http::request<boost::beast::http::string_body>;

    // Calls `io` with the stream HTTP goes through: the TLS stream, or the socket itself.
    template <typename Io> void withStream(Io io);
    void readRequest();
    void onRead(boost::beast::error_code ec);
    void refuse(int status, std::string message);
    void carryOut(TargetReply reply, bool keepAlive);
    void serveOnAWorker(Request request);
    void respond(const TargetReply& reply, bool keepAlive, bool drainFirst);
    void drainThenClose();
    void writeRaw(std::string bytes, bool thenClose);
    void dripNext();
    void waitForClientToLeave();
    void reset();

    boost::asio::ip::tcp::socket socket_;
    std::optional<boost::asio::ssl::stream<boost::asio::ip::tcp::socket&>> tls_;
    boost::asio::steady_timer timer_;
    TargetRouter& router_;
    TargetStats& stats_;
    SyncWorkers* workers_;
    boost::beast::flat_buffer buffer_;
    std::optional<boost::beast::http::request_parser<boost::beast::http::string_body>> parser_;
    boost::beast::http::response<boost::beast::http::string_body> response_;
    std::string raw_; // bytes written outside Beast's serializer (faults, drip)
    std::array<char, 512> discard_{};

    // Drip progress.
    std::size_t dripLeft_ = 0;
    std::size_t dripPiece_ = 0;
    std::chrono::microseconds dripInterval_{0};
    bool dripKeepAlive_ = false;
};

} // namespace stampede
