#include "core/server/TargetServer.h"

#include "core/server/SyncWorkers.h"
#include "core/server/TargetRouter.h"
#include "core/server/TargetSession.h"
#include "core/server/TargetStats.h"
#include "core/sys/IoThread.h"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/steady_timer.hpp>

#include <iostream>
#include <list>
#include <mutex>
#include <stdexcept>
#include <thread>

namespace stampede {
namespace asio = boost::asio;
using tcp = asio::ip::tcp;

struct TargetServer::Impl {
    // Declared before the io_context: sessions destroyed with it still count into stats.
    TargetStats stats;
    TargetRouter router;
    const ThreadPriority priority;
    std::optional<asio::ssl::context> tls; // read-only once serving: shared by every session
    std::string certificatePem;
    asio::io_context io{1};
    tcp::acceptor acceptor{io};
    asio::steady_timer acceptRetry{io};
    std::list<std::weak_ptr<TargetSession>> sessions; // target-io only
    std::size_t acceptsSincePrune = 0;
    tcp::endpoint bound;
    // After the io_context: stopped first, and a session a queued job still holds goes before
    // the loop it lives on.
    std::optional<SyncWorkers> workers;
    std::jthread thread;
    std::once_flag stopped;

    explicit Impl(const TargetServerOptions& options)
        : router(stats, options.seed)
        , priority(options.priority) {
        if (options.mode == ServerMode::Sync)
            workers.emplace(std::max(options.workers, 1), options.priority);
    }

    void useIdentity(const TlsIdentity& identity);
    void listen(const TargetServerOptions& options);
    void accept();
    void closeAll();
};

void TargetServer::Impl::useIdentity(const TlsIdentity& identity) {
    auto& context = tls.emplace(asio::ssl::context::tls_server);
    // TLS 1.2 and 1.3 only: what curl and browsers speak today, nothing a client must not.
    context.set_options(asio::ssl::context::default_workarounds | asio::ssl::context::no_sslv2 |
                        asio::ssl::context::no_sslv3 | asio::ssl::context::no_tlsv1 |
                        asio::ssl::context::no_tlsv1_1);
    boost::system::error_code ec;
    context.use_certificate_chain(asio::buffer(identity.certificatePem), ec);
    if (ec)
        throw std::runtime_error("the TLS certificate is unusable: " + ec.message());
    context.use_private_key(asio::buffer(identity.privateKeyPem), asio::ssl::context::pem, ec);
    if (ec) // also when it is not the certificate's key ("key values mismatch")
        throw std::runtime_error("the TLS private key is unusable: " + ec.message());
    certificatePem = identity.certificatePem;
}

void TargetServer::Impl::listen(const TargetServerOptions& options) {
    boost::system::error_code ec;
    const auto address = asio::ip::make_address(options.address, ec);
    if (ec)
        throw std::runtime_error("'" + options.address + "' is not an IP address");
    const tcp::endpoint endpoint(address, options.port);
    const auto fail = [&](const char* what) {
        throw std::runtime_error("cannot " + std::string(what) + " " + options.address + ":" +
                                 std::to_string(options.port) + ": " + ec.message());
    };
    acceptor.open(endpoint.protocol(), ec);
    if (ec)
        fail("open a socket for");
    acceptor.set_option(tcp::acceptor::reuse_address(true), ec);
    if (ec)
        fail("set SO_REUSEADDR on");
    acceptor.bind(endpoint, ec);
    if (ec)
        fail("listen on");
    acceptor.listen(asio::socket_base::max_listen_connections, ec);
    if (ec)
        fail("listen on");
    bound = acceptor.local_endpoint();
}

void TargetServer::Impl::accept() {
    acceptor.async_accept([this](boost::system::error_code ec, tcp::socket socket) {
        if (ec == asio::error::operation_aborted || !acceptor.is_open())
            return;
        if (ec) {
            // Typically EMFILE: out of file descriptors. Back off instead of spinning.
            std::cerr << "stampede target: accept failed: " << ec.message() << '\n';
            acceptRetry.expires_after(std::chrono::milliseconds(50));
            acceptRetry.async_wait([this](boost::system::error_code waitError) {
                if (!waitError)
                    accept();
            });
            return;
        }
        auto session = std::make_shared<TargetSession>(
            std::move(socket), tls ? &*tls : nullptr, router, stats, workers ? &*workers : nullptr);
        session->start();
        sessions.push_back(session);
        if (++acceptsSincePrune >= 256) {
            sessions.remove_if([](const auto& weak) { return weak.expired(); });
            acceptsSincePrune = 0;
        }
        accept();
    });
}

void TargetServer::Impl::closeAll() {
    boost::system::error_code ignored;
    acceptor.close(ignored);
    acceptRetry.cancel();
    for (const auto& weak : sessions)
        if (const auto session = weak.lock())
            session->close();
    sessions.clear();
}

TargetServer::TargetServer(TargetServerOptions options)
    : impl_(std::make_unique<Impl>(options)) {
    if (options.tls)
        impl_->useIdentity(*options.tls);
    impl_->listen(options);
    impl_->accept();
    impl_->thread = std::jthread([impl = impl_.get()] {
        runIoThread(impl->io, "target-io", impl->priority, "stampede target");
    });
}

TargetServer::~TargetServer() {
    stop();
}

void TargetServer::stop() {
    std::call_once(impl_->stopped, [impl = impl_.get()] {
        // The workers first: a request they hold would otherwise post back into a closed loop.
        if (impl->workers)
            impl->workers->stop();
        // Closing every socket and timer completes every pending operation, so run() returns
        // by itself once the aborted handlers have drained.
        asio::post(impl->io, [impl] { impl->closeAll(); });
        if (impl->thread.joinable())
            impl->thread.join();
    });
}

std::uint16_t TargetServer::port() const {
    return impl_->bound.port();
}

std::string TargetServer::host() const {
    const auto address = impl_->bound.address();
    if (address.is_unspecified())
        return address.is_v6() ? "[::1]" : "127.0.0.1";
    return address.is_v6() ? "[" + address.to_string() + "]" : address.to_string();
}

std::string TargetServer::url() const {
    return (impl_->tls ? "https://" : "http://") + host() + ":" + std::to_string(port()) + "/";
}

const std::string& TargetServer::certificatePem() const {
    return impl_->certificatePem;
}

TargetStatsSnapshot TargetServer::stats() const {
    return impl_->stats.snapshot();
}

ServerMode TargetServer::mode() const {
    return impl_->workers ? ServerMode::Sync : ServerMode::Async;
}

int TargetServer::workers() const {
    return impl_->workers ? impl_->workers->count() : 0;
}

} // namespace stampede
