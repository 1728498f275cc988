#pragma once

#include "core/engine/CurlHandles.h"
#include "core/plan/Plan.h"

#include <curl/curl.h>

#include <string>

namespace stampede {

// What every request of a run sends — URL, method, headers, body, timeouts, protocol and
// TLS settings — prepared once and applied to each easy handle. The header list, parsed URL
// and body it holds must outlive the handles, since libcurl keeps pointers to them.
class RequestTemplate {
public:
    // `body` is the request body already read from plan.body or plan.bodyFile.
    RequestTemplate(const Plan& plan, std::string url, std::string body);

    RequestTemplate(const RequestTemplate&) = delete;
    RequestTemplate& operator=(const RequestTemplate&) = delete;

    void apply(CURL* easy) const;
    const std::string& url() const { return url_; }

private:
    const Plan& plan_;
    std::string url_;
    std::string body_;
    CurlSlist headers_;
    CurlUrl parsedUrl_; // parsed once, shared read-only by every easy handle
};

} // namespace stampede
