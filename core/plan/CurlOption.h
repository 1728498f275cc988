#pragma once

#include <string_view>

namespace stampede {

// What an option of the curl command line means to an imported plan. `Unmapped` options are
// only known so that their value is consumed; they end up in the import's ignored list.
enum class CurlOptionKind {
    Unmapped,
    Url,
    Request,
    Header,
    Data,       // -d, --data, --data-ascii: @file is read with newlines stripped
    DataBinary, // @file is read as is
    DataRaw,    // never a file
    DataUrlencode,
    Json,
    Get,
    Head,
    User,
    OtherAuth, // --digest and friends: a Basic header would be wrong
    Bearer,
    Compressed,
    Insecure,
    CaCert,
    Location,
    MaxRedirs,
    MaxTime,
    ConnectTimeout,
    Http2,
    Http2PriorKnowledge,
    Http1_1,
    UserAgent,
    Referer,
    Cookie,
};

struct CurlOption {
    std::string_view longName; // without the leading --
    char shortName;            // 0 when there is none
    bool takesValue;
    CurlOptionKind kind;
};

// The options curl 8 knows that either change the request or take a value; nullptr otherwise.
const CurlOption* findCurlLongOption(std::string_view name);
const CurlOption* findCurlShortOption(char name);

} // namespace stampede
