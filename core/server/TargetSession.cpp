#include "core/server/TargetSession.h"

#include "core/server/SyncWorkers.h"
#include "core/server/TargetRouter.h"
#include "core/server/TargetStats.h"

#include <boost/asio/write.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>

#include <algorithm>
#include <thread>

namespace stampede {
namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;

TargetSession::TargetSession(asio::ip::tcp::socket socket, asio::ssl::context* tls,
                             TargetRouter& router, TargetStats& stats, SyncWorkers* workers)
    : socket_(std::move(socket))
    , timer_(socket_.get_executor())
    , router_(router)
    , stats_(stats)
    , workers_(workers) {
    if (tls)
        tls_.emplace(socket_, *tls);
    stats_.connectionOpened();
}

TargetSession::~TargetSession() {
    stats_.connectionClosed();
}

template <typename Io> void TargetSession::withStream(Io io) {
    if (tls_)
        io(*tls_);
    else
        io(socket_);
}

void TargetSession::start() {
    beast::error_code ignored;
    socket_.set_option(asio::ip::tcp::no_delay(true), ignored);
    if (!tls_)
        return readRequest();
    // A client that fails the handshake (it distrusts our certificate, or does not speak TLS)
    // has nothing more to say; its connection ends here.
    tls_->async_handshake(asio::ssl::stream_base::server,
                          [self = shared_from_this()](beast::error_code ec) {
                              if (ec)
                                  return self->close();
                              self->readRequest();
                          });
}

void TargetSession::close() {
    beast::error_code ignored;
    timer_.cancel();
    socket_.shutdown(asio::ip::tcp::socket::shutdown_both, ignored);
    socket_.close(ignored);
}

void TargetSession::readRequest() {
    parser_.emplace();
    parser_->header_limit(kHeaderLimit);
    parser_->body_limit(kBodyLimit);
    withStream([this](auto& stream) {
        http::async_read(
            stream, buffer_, *parser_,
            [self = shared_from_this()](beast::error_code ec, std::size_t) { self->onRead(ec); });
    });
}

void TargetSession::onRead(beast::error_code ec) {
    if (ec == http::error::header_limit)
        return refuse(431, "request headers larger than 8 KiB");
    if (ec == http::error::body_limit)
        return refuse(413, "request body larger than 8 MiB");
    if (ec == http::error::end_of_stream || ec == http::error::partial_message)
        return close(); // the client left, between or during requests
    if (ec && ec.category() == http::make_error_code(http::error::bad_version).category())
        return refuse(400, "malformed HTTP request: " + ec.message());
    if (ec)
        return close(); // network error or shutdown

    if (workers_)
        return serveOnAWorker(parser_->release());
    const Request& request = parser_->get();
    TargetReply reply = router_.route(request);
    stats_.record(reply.endpoint, reply.recordedStatus());
    carryOut(std::move(reply), request.keep_alive());
}

void TargetSession::serveOnAWorker(Request request) {
    workers_->submit([self = shared_from_this(),
                      request = std::move(request)](std::stop_token stop) {
        TargetReply reply = self->router_.route(request);
        // The worker is busy for the whole of a delay, as a blocking handler keeps its thread.
        if (reply.action == TargetReply::Action::Respond && reply.delay.count() > 0) {
            if (!SyncWorkers::hold(stop, reply.delay))
                return;
            reply.delay = {};
        }
        self->stats_.record(reply.endpoint, reply.recordedStatus());
        asio::post(self->socket_.get_executor(),
                   [self, reply = std::move(reply), keepAlive = request.keep_alive()]() mutable {
                       self->carryOut(std::move(reply), keepAlive);
                   });
    });
}

void TargetSession::refuse(int status, std::string message) {
    TargetReply reply;
    reply.endpoint = Endpoint::BadRequest;
    reply.status = status;
    reply.body = std::move(message) + "\n";
    stats_.record(reply.endpoint, status);
    // After a framing error the rest of the stream cannot be trusted: answer, then close.
    respond(reply, false, true);
}

void TargetSession::carryOut(TargetReply reply, bool keepAlive) {
    using Action = TargetReply::Action;
    switch (reply.action) {
    case Action::Respond:
        if (reply.delay.count() > 0) {
            timer_.expires_after(reply.delay);
            timer_.async_wait([self = shared_from_this(), reply = std::move(reply),
                               keepAlive](beast::error_code ec) {
                if (!ec)
                    self->respond(reply, keepAlive, false);
            });
        } else {
            respond(reply, keepAlive, false);
        }
        return;
    case Action::Stall:
        return waitForClientToLeave();
    case Action::CloseMidway: {
        std::string head = "HTTP/1.1 200 OK\r\nContent-Type: " + reply.contentType +
                           "\r\nContent-Length: " + std::to_string(reply.body.size()) + "\r\n\r\n";
        head.append(reply.body, 0, reply.body.size() / 4);
        return writeRaw(std::move(head), true);
    }
    case Action::Drip: {
        // At most one write per millisecond: small counts drip a byte at a time, large
        // counts in even pieces, all spread over the requested duration.
        const auto ms = static_cast<std::size_t>(reply.dripDuration.count());
        const std::size_t pieces = std::max<std::size_t>(1, std::min(reply.dripBytes, ms));
        dripLeft_ = reply.dripBytes;
        dripPiece_ = (reply.dripBytes + pieces - 1) / pieces;
        dripInterval_ = std::chrono::duration_cast<std::chrono::microseconds>(reply.dripDuration) /
                        static_cast<long>(pieces);
        dripKeepAlive_ = keepAlive;
        raw_ = "HTTP/1.1 200 OK\r\nContent-Type: " + reply.contentType +
               "\r\nContent-Length: " + std::to_string(reply.dripBytes) + "\r\n" +
               (keepAlive ? "" : "Connection: close\r\n") + "\r\n";
        withStream([this](auto& stream) {
            asio::async_write(stream, asio::buffer(raw_),
                              [self = shared_from_this()](beast::error_code ec, std::size_t) {
                                  if (!ec)
                                      self->dripNext();
                              });
        });
        return;
    }
    case Action::Reset:
        return reset();
    case Action::Garbage:
        return writeRaw(std::move(reply.body), true);
    case Action::Freeze:
        // Deliberately blocks target-io: every connection stalls at once, which is what a
        // stop-the-world pause looks like to clients (and what coordinated omission hides).
        std::this_thread::sleep_for(reply.delay);
        return respond(reply, keepAlive, false);
    }
}

void TargetSession::respond(const TargetReply& reply, bool keepAlive, bool drainFirst) {
    response_ = {};
    response_.version(11);
    response_.result(static_cast<unsigned>(reply.status));
    response_.set(http::field::server, "stampede-target");
    response_.set(http::field::content_type, reply.contentType);
    for (const auto& [name, value] : reply.headers)
        response_.set(name, value);
    response_.keep_alive(keepAlive);
    const bool head = parser_ && parser_->get().method() == http::verb::head;
    if (head) {
        response_.content_length(reply.body.size()); // what a GET would have sent
    } else {
        response_.body() = reply.body;
        response_.prepare_payload();
    }
    withStream([this, keepAlive, drainFirst](auto& stream) {
        http::async_write(
            stream, response_,
            [self = shared_from_this(), keepAlive, drainFirst](beast::error_code ec, std::size_t) {
                if (ec)
                    return self->close();
                if (keepAlive)
                    return self->readRequest();
                if (drainFirst)
                    return self->drainThenClose();
                self->close();
            });
    });
}

void TargetSession::drainThenClose() {
    // Closing with unread request bytes in the kernel would send RST, which can destroy the
    // error response before the client reads it. Half-close, swallow what is left, then go.
    beast::error_code ignored;
    socket_.shutdown(asio::ip::tcp::socket::shutdown_send, ignored);
    timer_.expires_after(std::chrono::seconds(2));
    timer_.async_wait([self = shared_from_this()](beast::error_code ec) {
        if (!ec)
            self->close();
    });
    waitForClientToLeave();
}

void TargetSession::writeRaw(std::string bytes, bool thenClose) {
    raw_ = std::move(bytes);
    withStream([this, thenClose](auto& stream) {
        asio::async_write(
            stream, asio::buffer(raw_),
            [self = shared_from_this(), thenClose](beast::error_code ec, std::size_t) {
                if (ec || thenClose)
                    return self->close();
                self->readRequest();
            });
    });
}

void TargetSession::dripNext() {
    if (dripLeft_ == 0) {
        if (!dripKeepAlive_)
            return close();
        return readRequest();
    }
    timer_.expires_after(dripInterval_);
    timer_.async_wait([self = shared_from_this()](beast::error_code ec) {
        if (ec)
            return;
        const std::size_t n = std::min(self->dripLeft_, self->dripPiece_);
        self->dripLeft_ -= n;
        self->raw_.assign(n, '*');
        self->withStream([&self](auto& stream) {
            asio::async_write(stream, asio::buffer(self->raw_),
                              [self](beast::error_code writeError, std::size_t) {
                                  if (writeError)
                                      return self->close();
                                  self->dripNext();
                              });
        });
    });
}

void TargetSession::waitForClientToLeave() {
    // Keep one read pending so we notice the client closing (or the server stopping);
    // whatever the client sends meanwhile is ignored.
    withStream([this](auto& stream) {
        stream.async_read_some(asio::buffer(discard_),
                               [self = shared_from_this()](beast::error_code ec, std::size_t) {
                                   if (ec)
                                       return self->close();
                                   self->waitForClientToLeave();
                               });
    });
}

void TargetSession::reset() {
    beast::error_code ignored;
    // Linger on with a zero timeout makes close() send RST instead of FIN.
    socket_.set_option(asio::socket_base::linger(true, 0), ignored);
    socket_.close(ignored);
}

} // namespace stampede
