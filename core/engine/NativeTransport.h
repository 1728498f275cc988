#pragma once

#include "core/engine/ErrorClass.h"
#include "core/engine/NativeRequest.h"
#include "core/engine/Transport.h"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace stampede {

// The native HTTP/1.1 transport, as wrk does it: Asio TCP sockets on engine-io, the request
// bytes built once, each response fed to a parser that only counts. One connection per slot,
// kept alive unless the plan or the server says otherwise. A kept-alive connection that the
// server closed while it sat idle is noticed when the next request gets no byte back, and
// that request goes again once on a fresh connection; one answered in part never does.
class NativeTransport final : public Transport {
public:
    NativeTransport(boost::asio::io_context& io, const Plan& plan, const Scenario& scenario,
                    NativeRequest request, Done done);
    ~NativeTransport() override;

    int openSlot() override;
    void send(int slot, int step, const RenderedRequest* rendered) override;
    void abandonAll() override;
    HttpVersionMix answeredVersions() const override { return answered_; }

private:
    using Clock = RequestOutcome::Clock;
    using error_code = boost::system::error_code;
    struct Slot;

    void newParser(Slot& slot);
    void connect(Slot& slot);
    void connected(Slot& slot, const error_code& ec);
    void write(Slot& slot);
    void awaitResponse(Slot& slot);
    void readResponse(Slot& slot);
    void consume(Slot& slot);
    void ended(Slot& slot, const error_code& ec); // the connection ended under a request
    void succeed(Slot& slot);
    void fail(Slot& slot, ErrorClass errorClass, const std::string& message);
    void resolved(const error_code& ec,
                  const boost::asio::ip::tcp::resolver::results_type& results);
    void sweep(); // the timeouts, checked a few times a second per timeout, not per request
    void closeConnection(Slot& slot);
    template <typename Handler> auto guarded(Slot& slot, Handler handler);

    boost::asio::io_context& io_;
    const Scenario& scenario_;
    const NativeRequest request_;
    const bool keepAlive_;
    const Clock::duration timeout_;
    const Clock::duration connectTimeout_;
    Done onDone_;
    boost::asio::ip::tcp::resolver resolver_;
    std::vector<boost::asio::ip::tcp::endpoint> endpoints_;
    std::optional<std::string> resolveError_;
    bool resolving_ = false;
    std::vector<int> waitingForAddress_;
    boost::asio::steady_timer sweeper_;
    bool sweeping_ = false;
    std::vector<std::unique_ptr<Slot>> slots_;
    HttpVersionMix answered_; // always HTTP/1.1, once anything answered
    std::shared_ptr<bool> alive_ = std::make_shared<bool>(true); // handlers outlive us
};

} // namespace stampede
