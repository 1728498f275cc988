#pragma once

#include "core/engine/Transport.h"
#include "core/plan/Plan.h"

#include <boost/asio/io_context.hpp>

#include <memory>
#include <string>
#include <variant>

namespace stampede {

// The transport a run uses and why: what --json calls `engine`, and the reason beside it.
struct TransportChoice {
    std::string name; // "native" or "curl"
    std::string why;  // e.g. "auto: plain http:// HTTP/1.1", "auto: the plan asks for HTTP/2"
};

// Which transport carries `plan` to `url`: under auto the native one whenever the plan allows
// it. Asked for native with a plan it cannot serve: the reason, naming the field.
std::variant<TransportChoice, std::string> chooseTransport(const Plan& plan,
                                                           const std::string& url);

// Makes the chosen transport. `body` is the request body already read.
std::variant<std::unique_ptr<Transport>, std::string>
makeTransport(const TransportChoice& choice, boost::asio::io_context& io, const Plan& plan,
              std::string url, std::string body, Transport::Done done);

} // namespace stampede
