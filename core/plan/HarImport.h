#pragma once

#include "core/plan/Plan.h"

#include <QByteArray>

#include <string>
#include <variant>
#include <vector>

namespace stampede {

// One request of a HAR file (what a browser's developer tools export as "Save all as HAR"),
// as a step of a scenario would send it.
struct HarEntry {
    HttpMethod method = HttpMethod::Get;
    std::string url;
    std::string host;                // of the URL, lower case, with a port when it has one
    std::vector<HttpHeader> headers; // as sent, minus what the client sets itself
    std::string body;
    std::string contentType;
    int status = 0;           // what the browser got back, 0 if nothing
    std::string responseType; // the response's MIME type
    bool staticAsset = false; // an image, style sheet, script, font or media file
};

struct HarArchive {
    std::vector<HarEntry> entries; // in the order the browser sent them
    std::string pageHost;          // the host of the first page (or first request)

    // What an import keeps unless told otherwise: the page's own host, no static assets.
    std::vector<std::size_t> defaultSelection() const;
};

// Reads a HAR 1.2 document. A file that is not JSON, or not HAR, or an entry a step cannot
// be made of, is refused with the JSON path of the culprit ("log.entries[3].request.url").
// Entries with methods a plan cannot send (OPTIONS, CONNECT, …) are left out, not refused.
std::variant<HarArchive, std::string> readHar(const QByteArray& json);

// The entries `selected` (indices into har.entries, in the order given) as the steps of a
// plan based on `base`: the scenario is replaced (its data file too), on the base URL of the
// first selected entry (placeOnBaseUrl); the transport, load and stop settings stay. Nothing
// selected: `base` unchanged.
Plan planFromHar(const HarArchive& har, const std::vector<std::size_t>& selected, const Plan& base);

} // namespace stampede
