#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

namespace stampede {

// A quick end-to-end check of a running target: one real request per endpoint, each with
// what a correct answer looks like. Used by `stampede serve --self-check` and the
// no-display fallback, so a first run proves the server works before anything else.
class TargetSelfCheck {
public:
    struct Result {
        std::string name;
        bool passed = false;
        std::string detail; // what was seen, e.g. "200, 1024 bytes" or the error
        std::chrono::microseconds elapsed{0};
    };

    TargetSelfCheck(std::string host, std::uint16_t port)
        : host_(std::move(host))
        , port_(port) {}

    std::vector<Result> run() const;

private:
    std::string host_;
    std::uint16_t port_;
};

} // namespace stampede
