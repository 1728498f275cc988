#include "core/engine/NativeTransport.h"

#include "core/engine/ErrorClassifier.h"
#include "core/engine/ResponseCounter.h"

#include <boost/asio/connect.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/error.hpp>

#include <algorithm>

namespace stampede {
namespace asio = boost::asio;
using tcp = asio::ip::tcp;

namespace {

// One read takes what a 64 KiB body needs in one go; a small response comes whole.
constexpr std::size_t kReadChunk = 64 * 1024;

long long millisecondsOf(std::chrono::steady_clock::duration d) {
    return std::chrono::duration_cast<std::chrono::milliseconds>(d).count();
}

} // namespace

struct NativeTransport::Slot {
    Slot(asio::io_context& io, int index)
        : index(index)
        , socket(io) {}

    int index;
    tcp::socket socket;
    unsigned generation = 0; // moves on at every close: handlers of the old connection stop
    bool open = false;       // connected, usable for the next request
    bool served = false;     // the connection has answered a request before
    bool busy = false;
    bool connecting = false; // waiting for an address or for the connection
    bool reused = false;     // the current request rides a connection that served before
    bool retried = false;
    std::uint64_t serial = 0; // moves on with every request sent on the slot
    Clock::time_point sentAt{};
    Clock::time_point connectStarted{};
    std::optional<Clock::time_point> firstByte;
    std::optional<ResponseCounter> parser;
    boost::beast::flat_buffer buffer; // arrived, not yet taken by the parser
    const ScenarioStep* step = nullptr;
    std::string_view bytes; // the request: a step's own, made once, or `rendered`
    std::string rendered;   // a request of a step with variables
    std::string keptBody;   // what the step's captures read
    ResponseCounter::Headers keptHeaders;
};

NativeTransport::NativeTransport(asio::io_context& io, const Plan& plan, const Scenario& scenario,
                                 NativeRequest request, Done done)
    : io_(io)
    , scenario_(scenario)
    , request_(std::move(request))
    , keepAlive_(plan.keepAlive)
    , timeout_(plan.timeout)
    , connectTimeout_(plan.connectTimeout)
    , onDone_(std::move(done))
    , resolver_(io)
    , sweeper_(io) {
    // An address needs no resolver (nor its thread): only names go through getaddrinfo.
    error_code ec;
    const auto address = asio::ip::make_address(request_.host, ec);
    if (!ec)
        endpoints_.emplace_back(address, static_cast<unsigned short>(std::stoul(request_.port)));
}

NativeTransport::~NativeTransport() {
    *alive_ = false;
}

template <typename Handler> auto NativeTransport::guarded(Slot& slot, Handler handler) {
    // A handler may run after its connection closed (the generation moved on) or after the
    // transport went away (alive is false): then it does nothing.
    return [alive = std::weak_ptr<bool>(alive_), &slot, generation = slot.generation,
            handler = std::move(handler)](auto&&... args) mutable {
        const auto lock = alive.lock();
        if (!lock || !*lock || slot.generation != generation)
            return;
        handler(std::forward<decltype(args)>(args)...);
    };
}

int NativeTransport::openSlot() {
    slots_.push_back(std::make_unique<Slot>(io_, static_cast<int>(slots_.size())));
    return slots_.back()->index;
}

void NativeTransport::newParser(Slot& slot) {
    const ScenarioStep& step = *slot.step;
    slot.parser.emplace(NativeRequest::headOnly(step), step.keepBody ? &slot.keptBody : nullptr,
                        step.keepHeaders ? &slot.keptHeaders : nullptr, kKeptBodyLimit);
}

void NativeTransport::send(int index, int step, const RenderedRequest* rendered) {
    Slot& slot = *slots_[static_cast<std::size_t>(index)];
    slot.step = &scenario_.steps()[static_cast<std::size_t>(step)];
    if (rendered) {
        slot.rendered.clear();
        request_.serialise(*slot.step, rendered, slot.rendered);
        slot.bytes = slot.rendered;
    } else {
        slot.bytes = request_.stepBytes[static_cast<std::size_t>(step)];
    }
    if (!sweeping_) {
        sweeping_ = true; // the timeout checks start with the first request
        sweep();
    }
    ++slot.serial;
    slot.busy = true;
    slot.retried = false;
    slot.sentAt = Clock::now();
    slot.firstByte.reset();
    newParser(slot);
    slot.buffer.clear();
    if (slot.open) {
        slot.reused = slot.served;
        write(slot);
    } else {
        slot.reused = false;
        connect(slot);
    }
}

void NativeTransport::connect(Slot& slot) {
    slot.connecting = true;
    slot.connectStarted = Clock::now();
    if (!endpoints_.empty()) {
        asio::async_connect(slot.socket, endpoints_,
                            guarded(slot, [this, &slot](const error_code& ec, const auto&) {
                                connected(slot, ec);
                            }));
        return;
    }
    if (resolveError_) {
        // Never from inside send(): the failure arrives as every other does, from a handler.
        asio::post(io_,
                   guarded(slot, [this, &slot] { fail(slot, ErrorClass::Dns, *resolveError_); }));
        return;
    }
    // A slot that timed out while waiting and was sent again is already in the queue.
    if (std::find(waitingForAddress_.begin(), waitingForAddress_.end(), slot.index) ==
        waitingForAddress_.end())
        waitingForAddress_.push_back(slot.index);
    if (resolving_)
        return;
    resolving_ = true;
    resolver_.async_resolve(request_.host, request_.port,
                            [this, alive = std::weak_ptr<bool>(alive_)](
                                const error_code& ec, const tcp::resolver::results_type& results) {
                                if (const auto lock = alive.lock(); lock && *lock)
                                    resolved(ec, results);
                            });
}

void NativeTransport::resolved(const error_code& ec, const tcp::resolver::results_type& results) {
    resolving_ = false;
    if (ec == asio::error::operation_aborted)
        return;
    if (ec || results.empty())
        resolveError_ = "Could not resolve host: " + request_.host +
                        (ec ? " (" + ec.message() + ")" : std::string());
    else
        for (const auto& entry : results)
            endpoints_.push_back(entry.endpoint());
    std::vector<int> waiting;
    waiting.swap(waitingForAddress_);
    for (int index : waiting) {
        Slot& slot = *slots_[static_cast<std::size_t>(index)];
        if (!slot.busy || !slot.connecting)
            continue; // timed out or abandoned while the name was looked up
        if (resolveError_)
            fail(slot, ErrorClass::Dns, *resolveError_);
        else
            connect(slot);
    }
}

void NativeTransport::connected(Slot& slot, const error_code& ec) {
    slot.connecting = false;
    if (ec)
        return fail(slot, ErrorClass::ConnectionRefused,
                    "Failed to connect to " + request_.host + " port " + request_.port + ": " +
                        ec.message());
    error_code ignored;
    slot.socket.set_option(tcp::no_delay(true), ignored); // as libcurl: no Nagle delay
    slot.socket.non_blocking(true, ignored);
    slot.open = true;
    slot.served = false;
    write(slot);
}

void NativeTransport::write(Slot& slot) {
    const std::string_view bytes = slot.bytes;
    error_code ec;
    const std::size_t sent = slot.socket.write_some(asio::buffer(bytes), ec);
    if (!ec && sent == bytes.size())
        return awaitResponse(slot);
    if (ec && ec != asio::error::would_block)
        return ended(slot, ec);
    // The kernel took only part (a large body): Asio writes the rest when there is room.
    const std::size_t done = ec ? 0 : sent;
    asio::async_write(slot.socket, asio::buffer(bytes.data() + done, bytes.size() - done),
                      guarded(slot, [this, &slot](const error_code& e, std::size_t) {
                          if (e)
                              ended(slot, e);
                          else
                              awaitResponse(slot);
                      }));
}

void NativeTransport::awaitResponse(Slot& slot) {
    // Waiting for readability first spares the read that would only say "not yet" right
    // after a send: one syscall per request.
    slot.socket.async_wait(tcp::socket::wait_read,
                           guarded(slot, [this, &slot](const error_code& ec) {
                               if (ec)
                                   ended(slot, ec);
                               else
                                   readResponse(slot);
                           }));
}

void NativeTransport::readResponse(Slot& slot) {
    for (;;) {
        error_code ec;
        const std::size_t n = slot.socket.read_some(slot.buffer.prepare(kReadChunk), ec);
        if (ec == asio::error::would_block || ec == asio::error::try_again)
            return awaitResponse(slot);
        if (ec)
            return ended(slot, ec);
        slot.buffer.commit(n);
        if (!slot.firstByte)
            slot.firstByte = Clock::now();
        const std::uint64_t serial = slot.serial;
        const unsigned generation = slot.generation;
        consume(slot);
        // Answered or failed: the slot may already carry its next request, with its own wait.
        if (!slot.busy || slot.serial != serial || slot.generation != generation)
            return;
    }
}

void NativeTransport::consume(Slot& slot) {
    namespace http = boost::beast::http;
    while (slot.buffer.size() > 0) {
        error_code ec;
        const std::size_t used = slot.parser->put(slot.buffer.data(), ec);
        slot.buffer.consume(used);
        if (ec == http::error::need_more)
            return;
        if (ec == http::error::header_limit)
            return fail(slot, ErrorClass::Other, "the response headers are larger than 100 KiB");
        if (ec)
            return fail(slot, ErrorClass::Other, "the reply is not HTTP/1.1: " + ec.message());
        if (!slot.parser->is_done())
            continue;
        if (slot.parser->interim()) {
            newParser(slot); // 100 Continue, 103 Early Hints: go on
            continue;
        }
        return succeed(slot);
    }
}

void NativeTransport::ended(Slot& slot, const error_code& ec) {
    closeConnection(slot);
    // A body that runs until the connection closes ends here, whole.
    if (ec == asio::error::eof && slot.parser->is_header_done()) {
        error_code eof;
        slot.parser->put_eof(eof);
        if (!eof && slot.parser->is_done())
            return succeed(slot);
    }
    const bool nothingBack = !slot.firstByte;
    if (nothingBack && slot.reused && !slot.retried) {
        // The server closed the idle connection before our request reached it: nothing was
        // answered, so it goes again, once, on a fresh connection, as libcurl does.
        slot.retried = true;
        slot.reused = false;
        newParser(slot);
        slot.buffer.clear();
        return connect(slot);
    }
    if (nothingBack)
        return fail(slot, ErrorClass::ConnectionReset,
                    ec == asio::error::eof ? "Empty reply from server"
                                           : "Recv failure: " + ec.message());
    if (ec != asio::error::eof)
        return fail(slot, ErrorClass::ConnectionReset, "Recv failure: " + ec.message());
    const auto remaining = slot.parser->content_length_remaining();
    fail(slot, ErrorClass::ConnectionReset,
         remaining
             ? "transfer closed with " + std::to_string(*remaining) + " bytes remaining to read"
             : std::string("the connection closed before the whole response"));
}

void NativeTransport::succeed(Slot& slot) {
    RequestOutcome outcome;
    outcome.done = Clock::now();
    outcome.firstByte = slot.firstByte;
    outcome.bytes = slot.parser->bodyBytes();
    outcome.status = slot.parser->status();
    if (slot.step->keepBody) {
        outcome.body = slot.keptBody;
        outcome.bodyCut = slot.parser->bodyCut();
    }
    if (slot.step->keepHeaders)
        outcome.headers = &slot.keptHeaders;
    answered_.note(HttpVersionMix::Http1_1);
    outcome.error = classifyStatus(outcome.status);
    if (outcome.error)
        outcome.errorMessage = "HTTP status";
    // Anything beyond the response would be a second answer nobody asked for: not reused.
    if (keepAlive_ && slot.open && slot.parser->keep_alive() && slot.buffer.size() == 0)
        slot.served = true;
    else
        closeConnection(slot);
    slot.busy = false;
    onDone_(slot.index, outcome);
}

void NativeTransport::fail(Slot& slot, ErrorClass errorClass, const std::string& message) {
    closeConnection(slot);
    RequestOutcome outcome;
    outcome.done = Clock::now();
    outcome.firstByte = slot.firstByte;
    outcome.bytes = slot.parser ? slot.parser->bodyBytes() : 0;
    outcome.error = errorClass;
    outcome.errorMessage = message.c_str();
    slot.busy = false;
    onDone_(slot.index, outcome);
}

void NativeTransport::closeConnection(Slot& slot) {
    ++slot.generation;
    error_code ignored;
    slot.socket.close(ignored);
    slot.open = false;
    slot.served = false;
    slot.connecting = false;
}

void NativeTransport::sweep() {
    const auto now = Clock::now();
    // By index: a failure's Done may open a slot, or end the run and abandon them all.
    for (std::size_t i = 0; i < slots_.size() && sweeping_; ++i) {
        Slot& slot = *slots_[i];
        if (!slot.busy || slot.sentAt > now)
            continue;
        if (slot.connecting && now - slot.connectStarted >= connectTimeout_) {
            fail(slot, ErrorClass::ConnectTimeout,
                 "Connection timed out after " +
                     std::to_string(millisecondsOf(now - slot.connectStarted)) + " milliseconds");
        } else if (now - slot.sentAt >= timeout_) {
            const std::uint64_t received = slot.parser ? slot.parser->bodyBytes() : 0;
            fail(slot, slot.connecting ? ErrorClass::ConnectTimeout : ErrorClass::Timeout,
                 "Operation timed out after " + std::to_string(millisecondsOf(now - slot.sentAt)) +
                     " milliseconds with " + std::to_string(received) + " bytes received");
        }
    }
    if (!sweeping_)
        return;
    // A few checks per timeout: a request ends within a twentieth of its limit past it.
    const auto shortest = std::min(timeout_, connectTimeout_);
    const auto period = std::clamp<Clock::duration>(shortest / 20, std::chrono::milliseconds(1),
                                                    std::chrono::milliseconds(50));
    sweeper_.expires_after(period);
    sweeper_.async_wait([this, alive = std::weak_ptr<bool>(alive_)](const error_code& ec) {
        if (const auto lock = alive.lock(); !ec && lock && *lock)
            sweep();
    });
}

void NativeTransport::abandonAll() {
    // A request still in flight is reset rather than closed: the run is over, nothing on its
    // connection will be read, and an abortive close skips the FIN exchange both ends would
    // otherwise do per socket — what dominated a stop with 10,000 requests in flight (perf:
    // 82 % under close()). Idle kept-alive connections still end politely.
    for (const auto& slot : slots_) {
        if (slot->busy && slot->socket.is_open()) {
            error_code ignored;
            slot->socket.set_option(boost::asio::socket_base::linger(true, 0), ignored);
        }
        closeConnection(*slot);
        slot->busy = false;
    }
    waitingForAddress_.clear();
    resolver_.cancel();
    sweeping_ = false;
    sweeper_.cancel();
}

} // namespace stampede
