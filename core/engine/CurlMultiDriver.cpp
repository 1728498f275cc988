#include "core/engine/CurlMultiDriver.h"

#include <boost/asio/post.hpp>

#include <sys/socket.h>
#include <unistd.h>

namespace stampede {
namespace asio = boost::asio;

struct CurlMultiDriver::Socket {
    Socket(asio::io_context& io, curl_socket_t fd, bool owned)
        : descriptor(io)
        , fd(fd)
        , owned(owned) {
        boost::system::error_code ignored;
        descriptor.assign(fd, ignored);
    }
    ~Socket() {
        // A socket curl opened itself is curl's to close: let go of it without closing.
        if (!owned && descriptor.is_open())
            descriptor.release();
    }

    asio::posix::stream_descriptor descriptor;
    curl_socket_t fd;
    bool owned;            // opened by our callback, closed by our callback
    bool closed = false;   // closed by curl: pending waits must not touch curl again
    bool wantRead = false; // what curl last asked for
    bool wantWrite = false;
    bool readPending = false; // a wait of ours is outstanding in this direction
    bool writePending = false;
};

CurlMultiDriver::CurlMultiDriver(asio::io_context& io, DoneHandler onDone)
    : io_(io)
    , onDone_(std::move(onDone))
    , multi_(curl_multi_init())
    , timer_(io) {
    curl_multi_setopt(multi_.get(), CURLMOPT_SOCKETFUNCTION, &CurlMultiDriver::onSocket);
    curl_multi_setopt(multi_.get(), CURLMOPT_SOCKETDATA, this);
    curl_multi_setopt(multi_.get(), CURLMOPT_TIMERFUNCTION, &CurlMultiDriver::onTimer);
    curl_multi_setopt(multi_.get(), CURLMOPT_TIMERDATA, this);
}

CurlMultiDriver::~CurlMultiDriver() {
    *alive_ = false;
    shutdown();
}

void CurlMultiDriver::resetOnClose() {
    const linger abortive{1, 0};
    for (const auto& [fd, socket] : sockets_)
        if (socket->owned && (socket->wantRead || socket->wantWrite))
            setsockopt(fd, SOL_SOCKET, SO_LINGER, &abortive, sizeof abortive);
}

void CurlMultiDriver::shutdown() {
    timer_.cancel();
    timerArmed_ = false;
    // Cleaning the multi handle closes every pooled connection through onCloseSocket.
    multi_.reset();
    for (auto& [fd, socket] : sockets_) {
        socket->closed = true;
        boost::system::error_code ignored;
        socket->descriptor.cancel(ignored);
    }
    sockets_.clear();
    connections_ = 0;
}

void CurlMultiDriver::adopt(CURL* easy) {
    curl_easy_setopt(easy, CURLOPT_OPENSOCKETFUNCTION, &CurlMultiDriver::onOpenSocket);
    curl_easy_setopt(easy, CURLOPT_OPENSOCKETDATA, this);
    curl_easy_setopt(easy, CURLOPT_CLOSESOCKETFUNCTION, &CurlMultiDriver::onCloseSocket);
    curl_easy_setopt(easy, CURLOPT_CLOSESOCKETDATA, this);
}

void CurlMultiDriver::add(CURL* easy) {
    curl_multi_add_handle(multi_.get(), easy);
}

void CurlMultiDriver::remove(CURL* easy) {
    curl_multi_remove_handle(multi_.get(), easy);
}

curl_socket_t CurlMultiDriver::onOpenSocket(void* self, curlsocktype /*purpose*/,
                                            curl_sockaddr* address) {
    auto* driver = static_cast<CurlMultiDriver*>(self);
    const int fd = ::socket(address->family, address->socktype | SOCK_CLOEXEC, address->protocol);
    if (fd < 0)
        return CURL_SOCKET_BAD; // curl reports the failure (e.g. EMFILE) as a connect error
    // An fd number can come back while a wait on its previous socket is still queued; the
    // old Socket is marked closed and dropped, the new one starts fresh.
    auto& slot = driver->sockets_[fd];
    if (!slot || !slot->owned)
        ++driver->connections_;
    slot = std::make_shared<Socket>(driver->io_, fd, true);
    return fd;
}

int CurlMultiDriver::onCloseSocket(void* self, curl_socket_t fd) {
    auto* driver = static_cast<CurlMultiDriver*>(self);
    const auto it = driver->sockets_.find(fd);
    if (it == driver->sockets_.end())
        return ::close(fd);
    const auto socket = it->second;
    driver->sockets_.erase(it);
    if (socket->owned)
        --driver->connections_;
    socket->closed = true;
    boost::system::error_code ec;
    socket->descriptor.close(ec); // completes pending waits with operation_aborted
    return ec ? -1 : 0;
}

int CurlMultiDriver::onSocket(CURL* /*easy*/, curl_socket_t fd, int what, void* self,
                              void* /*socketp*/) {
    static_cast<CurlMultiDriver*>(self)->watch(fd, what);
    return 0;
}

void CurlMultiDriver::watch(curl_socket_t fd, int what) {
    auto it = sockets_.find(fd);
    if (what == CURL_POLL_REMOVE) {
        if (it == sockets_.end())
            return;
        Socket& socket = *it->second;
        socket.wantRead = socket.wantWrite = false;
        if (!socket.owned) {
            // A socket curl opened itself is forgotten at once, so that when curl closes it
            // and the number comes back, nothing of ours is still registered on it.
            socket.closed = true;
            socket.descriptor.release();
            sockets_.erase(it);
        }
        return; // our pending waits on owned sockets fire once more and find nobody wants them
    }
    if (it == sockets_.end()) // opened by curl itself (resolver, eyeballs): watch, never close
        it = sockets_.emplace(fd, std::make_shared<Socket>(io_, fd, false)).first;
    Socket& socket = *it->second;
    socket.wantRead = what == CURL_POLL_IN || what == CURL_POLL_INOUT;
    socket.wantWrite = what == CURL_POLL_OUT || what == CURL_POLL_INOUT;
    arm(it->second);
}

void CurlMultiDriver::arm(const std::shared_ptr<Socket>& socket) {
    using Wait = asio::posix::stream_descriptor::wait_type;
    const auto waitFor = [this, socket](Wait type, bool Socket::*pending, bool Socket::*want,
                                        int event) {
        socket.get()->*pending = true;
        socket->descriptor.async_wait(type, [this, socket, pending, want, event,
                                             alive = alive_](boost::system::error_code ec) {
            socket.get()->*pending = false;
            if (!*alive || socket->closed || ec == asio::error::operation_aborted)
                return;
            if (!(socket.get()->*want))
                return; // curl lost interest meanwhile; it re-arms us when it cares
            socketAction(socket->fd, ec ? CURL_CSELECT_ERR : event);
            if (*alive && !socket->closed)
                arm(socket);
        });
    };
    if (socket->wantRead && !socket->readPending)
        waitFor(Wait::wait_read, &Socket::readPending, &Socket::wantRead, CURL_CSELECT_IN);
    if (socket->wantWrite && !socket->writePending)
        waitFor(Wait::wait_write, &Socket::writePending, &Socket::wantWrite, CURL_CSELECT_OUT);
}

int CurlMultiDriver::onTimer(CURLM* /*multi*/, long timeoutMs, void* self) {
    static_cast<CurlMultiDriver*>(self)->scheduleTimer(timeoutMs);
    return 0;
}

void CurlMultiDriver::scheduleTimer(long timeoutMs) {
    if (timeoutMs < 0) {
        if (timerArmed_) {
            timer_.cancel();
            timerArmed_ = false;
        }
        return;
    }
    if (timeoutMs == 0) {
        // Never call back into curl from its own callback: run soon, once.
        if (!zeroTimeoutPosted_) {
            zeroTimeoutPosted_ = true;
            asio::post(io_, [this, alive = alive_] {
                if (!*alive)
                    return;
                zeroTimeoutPosted_ = false;
                socketAction(CURL_SOCKET_TIMEOUT, 0);
            });
        }
        return;
    }
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
    // Firing early is harmless (we ask curl again afterwards); moving the timer costs a
    // syscall. So move it only when curl's deadline comes earlier than the armed one.
    if (timerArmed_ && deadline >= deadline_)
        return;
    timerArmed_ = true;
    deadline_ = deadline;
    timer_.expires_at(deadline);
    timer_.async_wait([this, alive = alive_](boost::system::error_code ec) {
        if (!*alive || ec)
            return;
        timerArmed_ = false;
        socketAction(CURL_SOCKET_TIMEOUT, 0);
        // curl only calls onTimer when its deadline changes; after an early firing it may
        // not, so ask for the current one.
        long next = -1;
        if (multi_ && curl_multi_timeout(multi_.get(), &next) == CURLM_OK && next >= 0 &&
            !timerArmed_)
            scheduleTimer(next);
    });
}

void CurlMultiDriver::socketAction(curl_socket_t fd, int events) {
    if (!multi_)
        return;
    int running = 0;
    curl_multi_socket_action(multi_.get(), fd, events, &running);
    collectDone();
}

void CurlMultiDriver::collectDone() {
    int queued = 0;
    while (CURLMsg* message = curl_multi_info_read(multi_.get(), &queued)) {
        if (message->msg != CURLMSG_DONE)
            continue;
        CURL* easy = message->easy_handle;
        const CURLcode result = message->data.result;
        curl_multi_remove_handle(multi_.get(), easy);
        onDone_(easy, result); // may add handles again: fine between info_read calls
        if (!multi_)
            return;
    }
}

} // namespace stampede
