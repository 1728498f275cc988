#pragma once

#include "core/engine/NativeRequest.h"
#include "core/engine/Transport.h"
#include "core/plan/Plan.h"
#include "core/scenario/Scenario.h"

#include <boost/asio/io_context.hpp>

#include <memory>
#include <optional>
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

// A run's transport, chosen and checked when the run is asked for: the native request is
// built here, once, so a URL it cannot send to is refused before the run starts.
struct PreparedTransport {
    TransportChoice choice;
    std::optional<NativeRequest> native; // set when choice.name is "native"
};

// The choice for `plan` to `url` (its base URL) with its compiled `scenario`, or why it
// cannot run.
std::variant<PreparedTransport, std::string>
prepareTransport(const Plan& plan, const std::string& url, const Scenario& scenario);

// Makes the prepared transport on the run's io_context; `scenario` outlives it.
std::unique_ptr<Transport> makeTransport(PreparedTransport prepared, boost::asio::io_context& io,
                                         const Plan& plan, const Scenario& scenario,
                                         Transport::Done done);

} // namespace stampede
