#pragma once

#include <boost/beast/http/basic_parser.hpp>

#include <cstdint>
#include <limits>
#include <string>
#include <utility>
#include <vector>

namespace stampede {

// Parses one HTTP/1.1 response and keeps only what a load test counts: the status and the
// body's length. Bodies of any size stream through it and are never stored, unless a step's
// captures read them: then the body is kept up to a limit, and the headers. One per response,
// as Beast's parsers are not reused.
class ResponseCounter final : public boost::beast::http::basic_parser<false> {
public:
    // libcurl's limit for a response's headers; past it the response counts as other.
    static constexpr std::uint32_t kHeaderLimit = 100 * 1024;

    using Headers = std::vector<std::pair<std::string, std::string>>;

    // `body` and `headers`, when given, are cleared and receive the response's: the body up
    // to `bodyLimit` bytes (bodyCut() says whether there was more).
    explicit ResponseCounter(bool headOnly, std::string* body = nullptr, Headers* headers = nullptr,
                             std::size_t bodyLimit = 0)
        : body_(body)
        , headers_(headers)
        , bodyLimit_(bodyLimit) {
        if (body_)
            body_->clear();
        if (headers_)
            headers_->clear();
        header_limit(kHeaderLimit);
        // Boost 1.74 ignores boost::none here: the largest value lifts the limit.
        body_limit(std::numeric_limits<std::uint64_t>::max());
        skip(headOnly);
    }

    int status() const { return status_; }
    bool bodyCut() const { return bodyCut_; }
    std::uint64_t bodyBytes() const { return bodyBytes_; }
    // 1xx other than 101: an interim answer, the real response follows on the same stream.
    bool interim() const { return status_ >= 100 && status_ < 200 && status_ != 101; }

private:
    using error_code = boost::beast::error_code;
    using string_view = boost::beast::string_view;

    void on_request_impl(boost::beast::http::verb, string_view, string_view, int,
                         error_code&) override {}
    void on_response_impl(int code, string_view, int, error_code&) override { status_ = code; }
    void on_field_impl(boost::beast::http::field, string_view name, string_view value,
                       error_code&) override {
        if (headers_)
            headers_->emplace_back(std::string(name), std::string(value));
    }
    void on_header_impl(error_code&) override {}
    void on_body_init_impl(const boost::optional<std::uint64_t>&, error_code&) override {}
    std::size_t on_body_impl(string_view body, error_code&) override {
        keep(body);
        bodyBytes_ += body.size();
        return body.size();
    }
    void on_chunk_header_impl(std::uint64_t, string_view, error_code&) override {}
    std::size_t on_chunk_body_impl(std::uint64_t, string_view body, error_code&) override {
        keep(body);
        bodyBytes_ += body.size();
        return body.size();
    }
    void keep(string_view body) {
        if (!body_)
            return;
        const std::size_t room = bodyLimit_ - std::min(bodyLimit_, body_->size());
        body_->append(body.data(), std::min(room, body.size()));
        bodyCut_ = bodyCut_ || body.size() > room;
    }
    void on_finish_impl(error_code&) override {}

    std::string* body_;
    Headers* headers_;
    std::size_t bodyLimit_;
    bool bodyCut_ = false;
    int status_ = 0;
    std::uint64_t bodyBytes_ = 0;
};

} // namespace stampede
