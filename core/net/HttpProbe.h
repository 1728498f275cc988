#pragma once

#include <boost/system/error_code.hpp>

#include <chrono>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace stampede {

// One HTTP/1.1 request on a fresh connection, with a deadline, from the calling thread.
// For self-checks and tests of the target, not for load: that is the engine's transports'.
struct ProbeRequest {
    std::string method = "GET";
    std::string target = "/";
    std::vector<std::pair<std::string, std::string>> headers{};
    std::string body{};
    std::chrono::milliseconds timeout{5000};
};

struct ProbeResponse {
    boost::system::error_code error; // empty when a whole response arrived
    int status = 0;
    std::string contentType;
    std::string body;
    std::chrono::microseconds elapsed{0};

    bool ok() const { return !error; }
};

class HttpProbe {
public:
    HttpProbe(std::string host, std::uint16_t port)
        : host_(std::move(host))
        , port_(port) {}

    ProbeResponse send(const ProbeRequest& request) const;
    ProbeResponse get(const std::string& target) const { return send({.target = target}); }

private:
    std::string host_;
    std::uint16_t port_;
};

} // namespace stampede
