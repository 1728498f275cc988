#include "core/engine/NativeRequest.h"

#include "core/engine/CurlHandles.h"
#include "core/text/AsciiText.h"

namespace stampede {
namespace {

// One part of a parsed URL, or empty when it has none.
std::string part(CURLU* url, CURLUPart which, unsigned flags = 0) {
    char* text = nullptr;
    if (curl_url_get(url, which, &text, flags) != CURLUE_OK || !text)
        return {};
    std::string value(text);
    curl_free(text);
    return value;
}

} // namespace

std::variant<NativeRequest, std::string>
NativeRequest::make(const Plan& plan, const std::string& url, const std::string& body) {
    // libcurl's parser, the same that reads the URL for the curl transport: both transports
    // then agree on what a URL means.
    const CurlUrl parsed(curl_url());
    if (!parsed || curl_url_set(parsed.get(), CURLUPART_URL, url.c_str(), 0) != CURLUE_OK)
        return "the URL '" + url + "' cannot be read";
    if (!equalsIgnoringCase(part(parsed.get(), CURLUPART_SCHEME), "http"))
        return std::string("the native transport speaks plain http:// only");
    if (!part(parsed.get(), CURLUPART_USER).empty())
        return std::string("the native transport sends no credentials from the URL");

    NativeRequest request;
    std::string host = part(parsed.get(), CURLUPART_HOST);
    const std::string hostHeader = host;
    if (host.size() > 2 && host.front() == '[' && host.back() == ']')
        host = host.substr(1, host.size() - 2); // an IPv6 literal: the resolver wants no brackets
    request.host = host;
    request.port = part(parsed.get(), CURLUPART_PORT, CURLU_DEFAULT_PORT);
    const std::string explicitPort = part(parsed.get(), CURLUPART_PORT);
    std::string target = part(parsed.get(), CURLUPART_PATH);
    if (target.empty())
        target = "/";
    if (const std::string query = part(parsed.get(), CURLUPART_QUERY); !query.empty())
        target += '?' + query;
    request.headOnly = plan.method == HttpMethod::Head;

    std::string& out = request.bytes;
    out.reserve(256 + body.size());
    out += methodName(plan.method);
    out += ' ' + target + " HTTP/1.1\r\n";
    out += "Host: " + hostHeader + (explicitPort.empty() ? "" : ":" + explicitPort) + "\r\n";
    const auto has = [&plan](std::string_view name) {
        for (const HttpHeader& header : plan.headers)
            if (equalsIgnoringCase(header.name, name))
                return true;
        return false;
    };
    if (!has("user-agent"))
        out += "User-Agent: stampede/" STAMPEDE_VERSION_STRING "\r\n";
    if (!has("accept"))
        out += "Accept: */*\r\n";
    for (const HttpHeader& header : plan.headers)
        out += header.name + ": " + header.value + "\r\n";
    if (!plan.contentType.empty() && !has("content-type"))
        out += "Content-Type: " + plan.contentType + "\r\n";
    if (!body.empty() || plan.method == HttpMethod::Post)
        out += "Content-Length: " + std::to_string(body.size()) + "\r\n";
    out += "\r\n";
    out += body;
    return request;
}

} // namespace stampede
