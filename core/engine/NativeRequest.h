#pragma once

#include "core/plan/Plan.h"

#include <string>
#include <variant>

namespace stampede {

// A plan's one request for the native transport, serialised once for the whole run as wrk
// and h2load do: the request line, Host, the headers libcurl would send (User-Agent, Accept,
// the plan's own, Content-Type, Content-Length), the body. Plus where to connect.
struct NativeRequest {
    std::string host;      // a name, or an address without brackets
    std::string port;      // as a service string for the resolver
    std::string bytes;     // everything sent, every time
    bool headOnly = false; // HEAD: the response has no body, whatever it announces

    // The request, or why `url` is not a plain http:// URL this transport can send to.
    static std::variant<NativeRequest, std::string> make(const Plan& plan, const std::string& url,
                                                         const std::string& body);
};

} // namespace stampede
