#pragma once

#include "core/engine/RenderedRequest.h"
#include "core/scenario/Scenario.h"

#include <string>
#include <variant>
#include <vector>

namespace stampede {

// A scenario's requests for the native transport, serialised once for the whole run as wrk
// and h2load do: the request line, Host, the headers libcurl would send (User-Agent, Accept,
// the step's own, Content-Type, Content-Length), the body. A step with variables is
// serialised per request from its filled-in text. Plus where to connect: every step goes to
// the one origin.
struct NativeRequest {
    std::string host;       // a name, or an address without brackets
    std::string port;       // as a service string for the resolver
    std::string hostHeader; // the Host header's value
    // Each step's whole request when it has no variables; empty for one that has.
    std::vector<std::string> stepBytes;

    // The requests, or why the scenario's origin is not a plain http:// one this transport can
    // send to.
    static std::variant<NativeRequest, std::string> make(const Scenario& scenario);
    // Appends the request of `step` filled in with `rendered` (null: the step's literal text).
    void serialise(const ScenarioStep& step, const RenderedRequest* rendered,
                   std::string& out) const;
    static bool headOnly(const ScenarioStep& step) { return step.method == HttpMethod::Head; }
};

} // namespace stampede
