#include "core/engine/HttpVersionMix.h"

#include <curl/curl.h>

#include <array>
#include <utility>

namespace stampede {
namespace {

constexpr std::array<std::pair<HttpVersionMix::Version, std::string_view>, 4> kNames = {{
    {HttpVersionMix::Http1_0, "1.0"},
    {HttpVersionMix::Http1_1, "1.1"},
    {HttpVersionMix::Http2, "2"},
    {HttpVersionMix::Http3, "3"},
}};

} // namespace

void HttpVersionMix::noteCurl(long curlHttpVersion) {
    switch (curlHttpVersion) {
    case CURL_HTTP_VERSION_1_0:
        return note(Http1_0);
    case CURL_HTTP_VERSION_1_1:
        return note(Http1_1);
    case CURL_HTTP_VERSION_2_0:
        return note(Http2);
    case CURL_HTTP_VERSION_3:
        return note(Http3);
    default:
        return;
    }
}

std::string HttpVersionMix::text() const {
    std::string out;
    for (const auto& [version, name] : kNames)
        if (seen_ & version) {
            if (!out.empty())
                out += '+';
            out += name;
        }
    return out;
}

HttpVersionMix HttpVersionMix::parse(std::string_view text) {
    HttpVersionMix mix;
    while (!text.empty()) {
        const std::size_t plus = text.find('+');
        const std::string_view part = text.substr(0, plus);
        for (const auto& [version, name] : kNames)
            if (part == name)
                mix.note(version);
        text = plus == std::string_view::npos ? std::string_view() : text.substr(plus + 1);
    }
    return mix;
}

std::string HttpVersionMix::merged(std::string_view a, std::string_view b) {
    HttpVersionMix mix = parse(a);
    mix.add(parse(b));
    return mix.text();
}

} // namespace stampede
