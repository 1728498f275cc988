#include "core/engine/TransportChoice.h"

#include "core/engine/CurlTransport.h"
#include "core/engine/NativeTransport.h"

namespace stampede {

std::variant<TransportChoice, std::string> chooseTransport(const Plan& plan,
                                                           const std::string& url) {
    const auto whyNot = whyNotNative(plan, url);
    switch (plan.engine) {
    case Engine::Native:
        if (whyNot)
            return "request.engine: native cannot serve this plan: " + *whyNot +
                   "; choose auto or curl";
        return TransportChoice{"native", "asked for"};
    case Engine::Curl:
        return TransportChoice{"curl", "asked for"};
    case Engine::Auto:
        break;
    }
    if (whyNot)
        return TransportChoice{"curl", "auto: " + *whyNot};
    return TransportChoice{"native", "auto: plain http:// HTTP/1.1"};
}

std::variant<PreparedTransport, std::string>
prepareTransport(const Plan& plan, const std::string& url, const Scenario& scenario) {
    auto chosen = chooseTransport(plan, url);
    if (auto* error = std::get_if<std::string>(&chosen))
        return std::move(*error);
    PreparedTransport prepared{std::get<TransportChoice>(std::move(chosen)), std::nullopt};
    if (prepared.choice.name == "native") {
        auto request = NativeRequest::make(scenario);
        if (auto* error = std::get_if<std::string>(&request))
            return std::move(*error);
        prepared.native = std::get<NativeRequest>(std::move(request));
    }
    return prepared;
}

std::unique_ptr<Transport> makeTransport(PreparedTransport prepared, boost::asio::io_context& io,
                                         const Plan& plan, const Scenario& scenario,
                                         Transport::Done done) {
    if (!prepared.native)
        return std::make_unique<CurlTransport>(io, plan, scenario, std::move(done));
    return std::make_unique<NativeTransport>(io, plan, scenario, std::move(*prepared.native),
                                             std::move(done));
}

} // namespace stampede
