#include "core/plan/HarImport.h"

#include "core/plan/BaseUrl.h"
#include "core/text/AsciiText.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

#include <algorithm>
#include <array>

namespace stampede {
namespace {

// Headers the transport sets itself (or that HTTP/2 pseudo-headers stand for); copying them
// into a step would send them twice or wrongly.
bool clientSets(const std::string& name) {
    static constexpr std::array<std::string_view, 8> names = {"host",
                                                              "content-length",
                                                              "connection",
                                                              "keep-alive",
                                                              "transfer-encoding",
                                                              "accept-encoding",
                                                              "te",
                                                              "upgrade"};
    const std::string lower = lowered(name);
    return lower.starts_with(":") || std::find(names.begin(), names.end(), lower) != names.end();
}

bool looksStatic(const std::string& url, const std::string& mime, const std::string& type) {
    static constexpr std::array<std::string_view, 5> types = {"image", "stylesheet", "script",
                                                              "font", "media"};
    if (std::find(types.begin(), types.end(), type) != types.end())
        return true;
    const std::string m = lowered(mime);
    if (m.starts_with("image/") || m.starts_with("font/") || m.starts_with("audio/") ||
        m.starts_with("video/") || m.starts_with("text/css") ||
        m.find("javascript") != std::string::npos)
        return true;
    const QString path = QUrl(QString::fromStdString(url)).path().toLower();
    static const QStringList extensions = {".png",   ".jpg", ".jpeg", ".gif", ".svg",  ".webp",
                                           ".ico",   ".css", ".js",   ".mjs", ".map",  ".woff",
                                           ".woff2", ".ttf", ".otf",  ".mp4", ".webm", ".mp3"};
    return std::any_of(extensions.begin(), extensions.end(),
                       [&](const QString& e) { return path.endsWith(e); });
}

std::string hostOf(const QUrl& url) {
    std::string host = url.host().toLower().toStdString();
    if (url.port() > 0)
        host += ":" + std::to_string(url.port());
    return host;
}

std::string text(const QJsonObject& object, const char* key) {
    return object.value(QLatin1String(key)).toString().toStdString();
}

} // namespace

std::vector<std::size_t> HarArchive::defaultSelection() const {
    std::vector<std::size_t> keep;
    for (std::size_t i = 0; i < entries.size(); ++i)
        if (!entries[i].staticAsset && entries[i].host == pageHost)
            keep.push_back(i);
    return keep;
}

std::variant<HarArchive, std::string> readHar(const QByteArray& json) {
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        return "not JSON: " + error.errorString().toStdString() + " at offset " +
               std::to_string(error.offset);
    const QJsonValue entries = document.object().value("log").toObject().value("entries");
    if (!entries.isArray())
        return std::string("not a HAR file: it has no log.entries (export it from the "
                           "browser's Network tab with \"Save all as HAR\")");
    HarArchive archive;
    const QJsonArray list = entries.toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        const std::string at = "log.entries[" + std::to_string(i) + "]";
        const QJsonObject entry = list.at(i).toObject();
        const QJsonObject request = entry.value("request").toObject();
        if (request.isEmpty())
            return at + ".request is missing";
        const std::string url = text(request, "url");
        const QUrl parsed(QString::fromStdString(url), QUrl::StrictMode);
        const QString scheme = parsed.scheme().toLower();
        if (!scheme.isEmpty() && scheme != "http" && scheme != "https")
            continue; // data:, blob:, chrome-extension: — nothing to load-test
        if (url.empty() || !parsed.isValid() || parsed.host().isEmpty())
            return at + ".request.url is not an absolute URL: \"" + url + "\"";
        const auto method = parseMethod(text(request, "method"));
        if (!method)
            continue;
        HarEntry out;
        out.method = *method;
        out.url = url;
        out.host = hostOf(parsed);
        for (const QJsonValue& header : request.value("headers").toArray()) {
            const std::string name = text(header.toObject(), "name");
            if (name.empty() || clientSets(name))
                continue;
            const std::string value = text(header.toObject(), "value");
            if (equalsIgnoringCase(name, "content-type")) {
                out.contentType = value;
                continue;
            }
            out.headers.push_back({name, value});
        }
        const QJsonObject post = request.value("postData").toObject();
        out.body = text(post, "text");
        if (out.contentType.empty())
            out.contentType = text(post, "mimeType");
        const QJsonObject response = entry.value("response").toObject();
        out.status = response.value("status").toInt();
        out.responseType = text(response.value("content").toObject(), "mimeType");
        out.staticAsset = looksStatic(url, out.responseType, text(entry, "_resourceType"));
        archive.entries.push_back(std::move(out));
    }
    if (archive.entries.empty())
        return std::string("the HAR file has no HTTP requests a plan could send");
    // The page's host: the first document the browser loaded, or else the first request's.
    const auto page =
        std::find_if(archive.entries.begin(), archive.entries.end(), [](const HarEntry& e) {
            return lowered(e.responseType).starts_with("text/html");
        });
    archive.pageHost = (page != archive.entries.end() ? *page : archive.entries.front()).host;
    return archive;
}

Plan planFromHar(const HarArchive& har, const std::vector<std::size_t>& selected,
                 const Plan& base) {
    std::vector<Step> steps;
    std::vector<std::string> urls;
    for (std::size_t index : selected) {
        if (index >= har.entries.size())
            continue;
        const HarEntry& entry = har.entries[index];
        Step step;
        step.method = entry.method;
        step.headers = entry.headers;
        step.body = entry.body;
        // A type without a body would only add a header the browser never sent alone.
        step.contentType = entry.body.empty() ? std::string() : entry.contentType;
        steps.push_back(std::move(step));
        urls.push_back(entry.url);
    }
    if (steps.empty())
        return base;
    Plan plan = base;
    plan.steps = std::move(steps);
    plan.data = {};
    placeOnBaseUrl(plan, urls);
    return plan;
}

} // namespace stampede
