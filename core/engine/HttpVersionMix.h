#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace stampede {

// The HTTP versions that answered a run's requests, as RunReport::httpVersion and --json's
// http_version write them: "1.1", "2", "1.1+2" when both answered, "" when none did (1.0 and
// 3 take their places in the same order if a server ever answers with them). Several parts of
// a run (engine threads, shards) combine by union: merged("1.1", "2") == "1.1+2".
class HttpVersionMix {
public:
    enum Version : std::uint8_t { Http1_0 = 1, Http1_1 = 2, Http2 = 4, Http3 = 8 };

    void note(Version version) { seen_ |= version; }
    // libcurl's CURLINFO_HTTP_VERSION (CURL_HTTP_VERSION_1_1 …); 0 (no answer) notes nothing.
    void noteCurl(long curlHttpVersion);
    void add(const HttpVersionMix& other) { seen_ |= other.seen_; }

    std::string text() const;
    static HttpVersionMix parse(std::string_view text); // the parts it knows; others ignored
    static std::string merged(std::string_view a, std::string_view b);

    bool operator==(const HttpVersionMix&) const = default;

private:
    std::uint8_t seen_ = 0;
};

} // namespace stampede
