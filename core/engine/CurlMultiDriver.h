#pragma once

#include "core/engine/CurlHandles.h"

#include <boost/asio/io_context.hpp>
#include <boost/asio/posix/stream_descriptor.hpp>
#include <boost/asio/steady_timer.hpp>

#include <functional>
#include <memory>
#include <unordered_map>

namespace stampede {

// Drives a libcurl multi handle from an Asio io_context (libcurl's multi_socket API): curl
// says which sockets it waits on and when its next timeout is; Asio waits and tells curl.
// Single-threaded: every call, callback and handler runs on the io_context's one thread.
//
// Traps handled here (see DESIGN.md): sockets are opened and closed through our callbacks
// and their state lives in a shared_ptr held by every pending wait, because fds are reused
// and a wait may complete after its socket closed; a wait fires once, so it is re-armed
// while curl still wants that direction; a zero timeout is served by one posted handler,
// never from inside curl's callback; the timer is moved only when the deadline comes
// earlier (a timer re-armed per request costs a syscall per request); curl may announce
// sockets it opened itself, which we watch but never close.
class CurlMultiDriver {
public:
    // Called for every finished transfer, after it was removed from the multi handle.
    using DoneHandler = std::function<void(CURL* easy, CURLcode result)>;

    CurlMultiDriver(boost::asio::io_context& io, DoneHandler onDone);
    ~CurlMultiDriver();

    CurlMultiDriver(const CurlMultiDriver&) = delete;
    CurlMultiDriver& operator=(const CurlMultiDriver&) = delete;

    // Sets the open/close-socket callbacks on `easy` so its sockets go through us.
    void adopt(CURL* easy);
    void add(CURL* easy);
    void remove(CURL* easy);

    CURLM* multi() const { return multi_.get(); }
    std::size_t openSockets() const { return sockets_.size(); }
    // The connection sockets libcurl opened through us and has not closed yet.
    std::size_t connections() const { return connections_; }

    // Closes every connection libcurl keeps (its pool). Call after removing all handles.
    void shutdown();
    // Makes every connection it watches (those with a transfer going; libcurl stops watching
    // idle ones) end with a reset when it closes, for a run that is over: see
    // NativeTransport::abandonAll.
    void resetOnClose();

private:
    struct Socket;

    static int onSocket(CURL* easy, curl_socket_t fd, int what, void* self, void* socketp);
    static int onTimer(CURLM* multi, long timeoutMs, void* self);
    static curl_socket_t onOpenSocket(void* self, curlsocktype purpose, curl_sockaddr* address);
    static int onCloseSocket(void* self, curl_socket_t fd);

    void watch(curl_socket_t fd, int what);
    void arm(const std::shared_ptr<Socket>& socket);
    void socketAction(curl_socket_t fd, int events);
    void scheduleTimer(long timeoutMs);
    void collectDone();

    boost::asio::io_context& io_;
    DoneHandler onDone_;
    CurlMulti multi_;
    std::unordered_map<curl_socket_t, std::shared_ptr<Socket>> sockets_;
    std::size_t connections_ = 0; // of sockets_, those we opened
    boost::asio::steady_timer timer_;
    bool timerArmed_ = false;
    bool zeroTimeoutPosted_ = false;
    boost::asio::steady_timer::time_point deadline_{};
    std::shared_ptr<bool> alive_ = std::make_shared<bool>(true);
};

} // namespace stampede
