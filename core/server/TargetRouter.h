#pragma once

#include "core/server/ItemStore.h"
#include "core/server/TargetReply.h"
#include "core/server/TargetStats.h"

#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>

#include <mutex>
#include <random>

namespace stampede {

// Maps a request to the target's answer: the httpbin-like endpoints, the REST resource, the
// latency and fault injection, and the 4xx for bad numbers. Called on target-io, or at once
// from every worker of a sync server: what it shares (the random engine, the stores) is locked.
class TargetRouter {
public:
    // Limits that keep a typo from exhausting memory or parking connections forever.
    static constexpr std::int64_t kMaxBytes = 64 * 1024 * 1024;
    static constexpr std::int64_t kMaxDelayMs = 60'000;
    static constexpr std::int64_t kMaxDripBytes = 16 * 1024 * 1024;
    static constexpr std::int64_t kMaxFreezeMs = 10'000;

    TargetRouter(const TargetStats& stats, std::uint64_t seed)
        : stats_(stats)
        , rng_(seed) {}

    TargetReply route(const boost::beast::http::request<boost::beast::http::string_body>& request);

    std::size_t itemCount() const { return items_.size(); }
    std::size_t courseCount() const { return courses_.size(); }

private:
    using Request = boost::beast::http::request<boost::beast::http::string_body>;

    TargetReply root(const Request& request, std::string_view query);
    TargetReply bytes(std::string_view count);
    TargetReply delay(std::string_view milliseconds);
    TargetReply status(std::string_view code);
    TargetReply echo(const Request& request);
    TargetReply headers(const Request& request);
    TargetReply drip(std::string_view query);
    TargetReply freeze(std::string_view milliseconds);
    TargetReply items(const Request& request, ItemStore& store, std::string_view rest);

    const TargetStats& stats_;
    std::mutex rngMutex_;
    std::mt19937_64 rng_; // guarded by rngMutex_
    // Two collections of the same resource: /items, and /courses for the course's own flow.
    ItemStore items_;
    ItemStore courses_;
};

} // namespace stampede
