#include "core/engine/RequestTemplate.h"

#include "core/text/AsciiText.h"

namespace stampede {

RequestTemplate::RequestTemplate(const Plan& plan, const Scenario& scenario)
    : plan_(plan)
    , scenario_(scenario) {
    for (const ScenarioStep& step : scenario_.steps()) {
        Prepared& prepared = steps_.emplace_back();
        if (!step.constant())
            continue;
        prepared.headers.reset(headerList(step, nullptr));
        prepared.urlText = step.url();
        prepared.url.reset(curl_url());
        if (prepared.url && curl_url_set(prepared.url.get(), CURLUPART_URL,
                                         prepared.urlText.c_str(), 0) != CURLUE_OK)
            prepared.url.reset(); // let libcurl parse it per transfer and report what is wrong
    }
}

curl_slist* RequestTemplate::headerList(const ScenarioStep& step,
                                        const RenderedRequest* rendered) const {
    curl_slist* list = nullptr;
    bool hasContentType = false;
    for (std::size_t h = 0; h < step.headers.size(); ++h) {
        const std::string& name = step.headers[h].name;
        const std::string& value =
            rendered ? rendered->headerValues[h] : step.headers[h].value.literal();
        // libcurl reads "Name:" as "remove this header"; "Name;" sends it with no value.
        const std::string line = value.empty() ? name + ";" : name + ": " + value;
        list = curl_slist_append(list, line.c_str());
        hasContentType = hasContentType || equalsIgnoringCase(name, "content-type");
    }
    if (!step.contentType.empty() && !hasContentType)
        list = curl_slist_append(list, ("Content-Type: " + step.contentType).c_str());
    const std::string& body = rendered ? rendered->body : step.body.literal();
    if (!body.empty()) // no 100-continue round trip for large bodies
        list = curl_slist_append(list, "Expect:");
    return list;
}

void RequestTemplate::apply(CURL* easy) const {
    curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
    // No proxy from the environment: a load test measures the server it names, and libcurl
    // would otherwise read http_proxy and friends with getenv() for every transfer.
    curl_easy_setopt(easy, CURLOPT_PROXY, "");
    curl_easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(easy, CURLOPT_USERAGENT, "stampede/" STAMPEDE_VERSION_STRING);
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
}

void RequestTemplate::applyStep(CURL* easy, int index, const RenderedRequest* rendered,
                                Owned& owned) const {
    const ScenarioStep& step = scenario_.steps()[static_cast<std::size_t>(index)];
    const Prepared& prepared = steps_[static_cast<std::size_t>(index)];
    if (rendered) {
        owned.url = step.origin + rendered->target;
        owned.headers.reset(headerList(step, rendered));
        curl_easy_setopt(easy, CURLOPT_CURLU, nullptr);
        curl_easy_setopt(easy, CURLOPT_URL, owned.url.c_str());
        curl_easy_setopt(easy, CURLOPT_HTTPHEADER, owned.headers.get());
    } else {
        // A pre-parsed URL spares libcurl parsing the string again for every transfer.
        if (prepared.url)
            curl_easy_setopt(easy, CURLOPT_CURLU, prepared.url.get());
        else
            curl_easy_setopt(easy, CURLOPT_URL, prepared.urlText.c_str());
        curl_easy_setopt(easy, CURLOPT_HTTPHEADER, prepared.headers.get());
    }
    // Back to a plain GET first: the handle may have carried another step's method and body.
    curl_easy_setopt(easy, CURLOPT_HTTPGET, 1L);
    curl_easy_setopt(easy, CURLOPT_CUSTOMREQUEST, nullptr);
    switch (step.method) {
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
        curl_easy_setopt(easy, CURLOPT_CUSTOMREQUEST, std::string(methodName(step.method)).c_str());
        break;
    }
    const std::string& body = rendered ? rendered->body : step.body.literal();
    if (!body.empty() || step.method == HttpMethod::Post) {
        curl_easy_setopt(easy, CURLOPT_POSTFIELDS, body.data());
        curl_easy_setopt(easy, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
    }
}

} // namespace stampede
