#include "core/server/TargetSelfCheck.h"

#include "core/net/HttpProbe.h"

#include <boost/asio/error.hpp>
#include <boost/beast/core/error.hpp>
#include <boost/beast/http/error.hpp>

#include <functional>

namespace stampede {
namespace {

struct Check {
    std::string name;
    ProbeRequest request;
    std::function<bool(const ProbeResponse&)> expect;
};

bool statusIs(const ProbeResponse& r, int status) {
    return r.ok() && r.status == status;
}

std::string describe(const ProbeResponse& r) {
    if (!r.ok())
        return r.error.message() + (r.status ? " after status " + std::to_string(r.status) : "");
    return std::to_string(r.status) + ", " + std::to_string(r.body.size()) + " bytes";
}

std::vector<Check> checks() {
    using namespace std::chrono_literals;
    return {
        {"GET /", {.target = "/"}, [](auto& r) { return statusIs(r, 200) && !r.body.empty(); }},
        {"GET /bytes/1024",
         {.target = "/bytes/1024"},
         [](auto& r) { return statusIs(r, 200) && r.body.size() == 1024; }},
        {"GET /delay/20",
         {.target = "/delay/20"},
         [](auto& r) { return statusIs(r, 200) && r.elapsed >= 20ms; }},
        {"GET /status/503", {.target = "/status/503"}, [](auto& r) { return statusIs(r, 503); }},
        {"POST /echo",
         {.method = "POST",
          .target = "/echo",
          .headers = {{"Content-Type", "application/json"}},
          .body = R"({"hello":"stampede"})"},
         [](auto& r) {
             return statusIs(r, 200) && r.body == R"({"hello":"stampede"})" &&
                    r.contentType == "application/json";
         }},
        {"GET /headers",
         {.target = "/headers", .headers = {{"X-Stampede-Check", "yes"}}},
         [](auto& r) {
             return statusIs(r, 200) && r.body.find("X-Stampede-Check") != std::string::npos;
         }},
        {"GET /?latency=fixed:5&fail=0",
         {.target = "/?latency=fixed:5&fail=0"},
         [](auto& r) { return statusIs(r, 200) && r.elapsed >= 5ms; }},
        {"GET /stall (client gives up)",
         {.target = "/stall", .timeout = 150ms},
         [](auto& r) { return r.error == boost::beast::error::timeout; }},
        {"GET /reset",
         {.target = "/reset"},
         [](auto& r) {
             return r.error == boost::asio::error::connection_reset ||
                    r.error == boost::beast::http::error::end_of_stream;
         }},
        {"GET /stats",
         {.target = "/stats"},
         [](auto& r) {
             return statusIs(r, 200) && r.body.find("\"requests\"") != std::string::npos;
         }},
    };
}

} // namespace

std::vector<TargetSelfCheck::Result> TargetSelfCheck::run() const {
    const HttpProbe probe(host_, port_);
    std::vector<Result> results;
    for (const Check& check : checks()) {
        const ProbeResponse response = probe.send(check.request);
        results.push_back(
            {check.name, check.expect(response), describe(response), response.elapsed});
    }
    return results;
}

} // namespace stampede
