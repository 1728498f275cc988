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

std::variant<std::unique_ptr<Transport>, std::string>
makeTransport(const TransportChoice& choice, boost::asio::io_context& io, const Plan& plan,
              std::string url, std::string body, Transport::Done done) {
    if (choice.name == "curl")
        return std::make_unique<CurlTransport>(io, plan, std::move(url), std::move(body),
                                               std::move(done));
    auto request = NativeRequest::make(plan, url, body);
    if (auto* error = std::get_if<std::string>(&request))
        return std::move(*error);
    return std::make_unique<NativeTransport>(
        io, plan, std::move(url), std::move(std::get<NativeRequest>(request)), std::move(done));
}

} // namespace stampede
