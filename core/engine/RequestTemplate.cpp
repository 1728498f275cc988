#include "core/engine/RequestTemplate.h"

#include "core/text/AsciiText.h"

namespace stampede {

RequestTemplate::RequestTemplate(const Plan& plan, std::string url, std::string body)
    : plan_(plan)
    , url_(std::move(url))
    , body_(std::move(body)) {
    curl_slist* list = nullptr;
    bool hasContentType = false;
    for (const HttpHeader& header : plan_.headers) {
        // libcurl reads "Name:" as "remove this header"; "Name;" sends it with no value.
        const std::string line =
            header.value.empty() ? header.name + ";" : header.name + ": " + header.value;
        list = curl_slist_append(list, line.c_str());
        hasContentType = hasContentType || equalsIgnoringCase(header.name, "content-type");
    }
    if (!plan_.contentType.empty() && !hasContentType)
        list = curl_slist_append(list, ("Content-Type: " + plan_.contentType).c_str());
    if (!body_.empty()) // no 100-continue round trip for large bodies
        list = curl_slist_append(list, "Expect:");
    headers_.reset(list);
    parsedUrl_.reset(curl_url());
    if (parsedUrl_ && curl_url_set(parsedUrl_.get(), CURLUPART_URL, url_.c_str(), 0) != CURLUE_OK)
        parsedUrl_.reset(); // let libcurl parse it per transfer and report what is wrong
}

void RequestTemplate::apply(CURL* easy) const {
    // A pre-parsed URL spares libcurl parsing the string again for every transfer.
    if (parsedUrl_)
        curl_easy_setopt(easy, CURLOPT_CURLU, parsedUrl_.get());
    else
        curl_easy_setopt(easy, CURLOPT_URL, url_.c_str());
    curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
    // No proxy from the environment: a load test measures the server it names, and libcurl
    // would otherwise read http_proxy and friends with getenv() for every transfer.
    curl_easy_setopt(easy, CURLOPT_PROXY, "");
    curl_easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(easy, CURLOPT_USERAGENT, "stampede/" STAMPEDE_VERSION_STRING);
    curl_easy_setopt(easy, CURLOPT_HTTPHEADER, headers_.get());
    curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS, static_cast<long>(plan_.timeout.count()));
    curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS,
                     static_cast<long>(plan_.connectTimeout.count()));
    curl_easy_setopt(easy, CURLOPT_FORBID_REUSE, plan_.keepAlive ? 0L : 1L);
    switch (plan_.httpVersion) {
    case HttpVersion::Http1_1:
        curl_easy_setopt(easy, CURLOPT_HTTP_VERSION, CURL_HTTP_VERSION_1_1);
        break;
    case HttpVersion::Http2:
        curl_easy_setopt(easy, CURLOPT_HTTP_VERSION, CURL_HTTP_VERSION_2_0);
        break;
    case HttpVersion::Http2PriorKnowledge:
        curl_easy_setopt(easy, CURLOPT_HTTP_VERSION, CURL_HTTP_VERSION_2_PRIOR_KNOWLEDGE);
        break;
    }
    // N users on HTTP/2 share a connection: without this, the users that start together each
    // open their own before the first one has learnt that it can multiplex.
    if (plan_.httpVersion != HttpVersion::Http1_1)
        curl_easy_setopt(easy, CURLOPT_PIPEWAIT, 1L);
    curl_easy_setopt(easy, CURLOPT_SSL_VERIFYPEER, plan_.verifyTls ? 1L : 0L);
    curl_easy_setopt(easy, CURLOPT_SSL_VERIFYHOST, plan_.verifyTls ? 2L : 0L);
    if (!plan_.caCertFile.empty())
        curl_easy_setopt(easy, CURLOPT_CAINFO, plan_.caCertFile.c_str());
    curl_easy_setopt(easy, CURLOPT_FOLLOWLOCATION, plan_.followRedirects ? 1L : 0L);
    curl_easy_setopt(easy, CURLOPT_MAXREDIRS, static_cast<long>(plan_.maxRedirects));

    switch (plan_.method) {
    case HttpMethod::Get:
        break;
    case HttpMethod::Head:
        curl_easy_setopt(easy, CURLOPT_NOBODY, 1L);
        break;
    case HttpMethod::Post:
        curl_easy_setopt(easy, CURLOPT_POST, 1L);
        break;
    case HttpMethod::Put:
    case HttpMethod::Patch:
    case HttpMethod::Delete:
        curl_easy_setopt(easy, CURLOPT_CUSTOMREQUEST,
                         std::string(methodName(plan_.method)).c_str());
        break;
    }
    if (!body_.empty() || plan_.method == HttpMethod::Post) {
        curl_easy_setopt(easy, CURLOPT_POSTFIELDS, body_.data());
        curl_easy_setopt(easy, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body_.size()));
    }
}

} // namespace stampede
