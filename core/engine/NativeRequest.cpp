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

std::variant<NativeRequest, std::string> NativeRequest::make(const Scenario& scenario) {
    if (!scenario.oneOrigin())
        return std::string("the native transport sends every step to one host");
    const std::string origin = scenario.steps().front().origin;
    // libcurl's parser, the same that reads the URL for the curl transport: both transports
    // then agree on what a URL means.
    const CurlUrl parsed(curl_url());
    if (!parsed ||
        curl_url_set(parsed.get(), CURLUPART_URL, (origin + "/").c_str(), 0) != CURLUE_OK)
        return "the URL '" + origin + "' cannot be read";
    if (!equalsIgnoringCase(part(parsed.get(), CURLUPART_SCHEME), "http"))
        return std::string("the native transport speaks plain http:// only");
    if (!part(parsed.get(), CURLUPART_USER).empty())
        return std::string("the native transport sends no credentials from the URL");

    NativeRequest request;
    std::string host = part(parsed.get(), CURLUPART_HOST);
    const std::string explicitPort = part(parsed.get(), CURLUPART_PORT);
    request.hostHeader = host + (explicitPort.empty() ? "" : ":" + explicitPort);
    if (host.size() > 2 && host.front() == '[' && host.back() == ']')
        host = host.substr(1, host.size() - 2); // an IPv6 literal: the resolver wants no brackets
    request.host = host;
    request.port = part(parsed.get(), CURLUPART_PORT, CURLU_DEFAULT_PORT);
    for (const ScenarioStep& step : scenario.steps()) {
        std::string& bytes = request.stepBytes.emplace_back();
        if (step.constant())
            request.serialise(step, nullptr, bytes);
    }
    return request;
}

void NativeRequest::serialise(const ScenarioStep& step, const RenderedRequest* rendered,
                              std::string& out) const {
    const std::string& target = rendered ? rendered->target : step.target.literal();
    const std::string& body = rendered ? rendered->body : step.body.literal();
    out.reserve(out.size() + 256 + body.size());
    out += methodName(step.method);
    out += ' ';
    out += target;
    out += " HTTP/1.1\r\nHost: ";
    out += hostHeader;
    out += "\r\n";
    const auto has = [&step](std::string_view name) {
        for (const ScenarioStep::Header& header : step.headers)
            if (equalsIgnoringCase(header.name, name))
                return true;
        return false;
    };
    if (!has("user-agent"))
        out += "User-Agent: stampede/" STAMPEDE_VERSION_STRING "\r\n";
    if (!has("accept"))
        out += "Accept: */*\r\n";
    for (std::size_t h = 0; h < step.headers.size(); ++h) {
        out += step.headers[h].name;
        out += ": ";
        out += rendered ? rendered->headerValues[h] : step.headers[h].value.literal();
        out += "\r\n";
    }
    if (!step.contentType.empty() && !has("content-type")) {
        out += "Content-Type: ";
        out += step.contentType;
        out += "\r\n";
    }
    if (!body.empty() || step.method == HttpMethod::Post) {
        out += "Content-Length: ";
        out += std::to_string(body.size());
        out += "\r\n";
    }
    out += "\r\n";
    out += body;
}

} // namespace stampede
