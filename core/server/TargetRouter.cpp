#include "core/server/TargetRouter.h"

#include "core/server/LatencySpec.h"
#include "core/server/QueryString.h"
#include "core/text/ParseNumber.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <boost/beast/http/status.hpp>

#include <limits>

namespace stampede {
namespace http = boost::beast::http;

namespace {

TargetReply text(Endpoint endpoint, int status, std::string body) {
    TargetReply reply;
    reply.endpoint = endpoint;
    reply.status = status;
    reply.body = std::move(body);
    return reply;
}

TargetReply badRequest(Endpoint endpoint, std::string_view why) {
    return text(endpoint, 400, std::string(why) + "\n");
}

TargetReply methodNotAllowed(Endpoint endpoint, std::string allow) {
    TargetReply reply = text(endpoint, 405, "method not allowed; use " + allow + "\n");
    reply.headers.emplace_back("Allow", std::move(allow));
    return reply;
}

bool isRead(http::verb method) {
    return method == http::verb::get || method == http::verb::head;
}

bool startsWith(std::string_view text, std::string_view prefix) {
    return text.substr(0, prefix.size()) == prefix;
}

constexpr std::string_view kEndpointList =
    "Endpoints of the Stampede target:\n"
    "  GET /                  small text; ?latency=fixed:MS|uniform:A-B|exp:MEAN  ?fail=P\n"
    "  GET /bytes/N           N bytes (N <= 67108864)\n"
    "  GET /delay/MS          answers after MS milliseconds (<= 60000)\n"
    "  GET /status/CODE       answers with that status (200-599)\n"
    "  POST|PUT|PATCH /echo   echoes the body and its content type\n"
    "  GET /headers           the request headers as JSON\n"
    "  GET /stats             counters of requests served, as JSON\n"
    "  faults: /stall /close /drip?bytes=N&ms=T /reset /garbage\n"
    "  GET /freeze/MS         the whole server stops for MS ms (<= 10000), like a GC pause\n"
    "  /items, /courses       a REST resource: POST a JSON object (201 with its new id),\n"
    "                         GET the list, GET|PUT|DELETE /items/ID\n";

} // namespace

TargetReply TargetRouter::route(const Request& request) {
    const std::string_view target(request.target().data(), request.target().size());
    const auto questionMark = target.find('?');
    const std::string_view path = target.substr(0, questionMark);
    const std::string_view query = questionMark == std::string_view::npos
                                       ? std::string_view{}
                                       : target.substr(questionMark + 1);
    const http::verb method = request.method();

    if (path == "/")
        return isRead(method) ? root(request, query) : methodNotAllowed(Endpoint::Root, "GET");
    if (startsWith(path, "/bytes/"))
        return isRead(method) ? bytes(path.substr(7)) : methodNotAllowed(Endpoint::Bytes, "GET");
    if (startsWith(path, "/delay/"))
        return isRead(method) ? delay(path.substr(7)) : methodNotAllowed(Endpoint::Delay, "GET");
    if (startsWith(path, "/status/"))
        return status(path.substr(8)); // any method: a POST that gets a 503 is a fine test
    if (path == "/echo") {
        const bool writes =
            method == http::verb::post || method == http::verb::put || method == http::verb::patch;
        return writes ? echo(request) : methodNotAllowed(Endpoint::Echo, "POST, PUT, PATCH");
    }
    if (path == "/headers")
        return isRead(method) ? headers(request) : methodNotAllowed(Endpoint::Headers, "GET");
    if (path == "/stats") {
        if (!isRead(method))
            return methodNotAllowed(Endpoint::Stats, "GET");
        TargetReply reply = text(Endpoint::Stats, 200, stats_.snapshot().toJson());
        reply.contentType = "application/json";
        return reply;
    }
    if (path == "/stall") {
        TargetReply reply = text(Endpoint::Stall, 0, {});
        reply.action = TargetReply::Action::Stall;
        return reply;
    }
    if (path == "/close") {
        // Promise 4 KiB, deliver a quarter: the client sees the body end early.
        TargetReply reply = text(Endpoint::Close, 200, std::string(4096, 'c'));
        reply.action = TargetReply::Action::CloseMidway;
        return reply;
    }
    if (path == "/drip")
        return drip(query);
    if (startsWith(path, "/freeze/"))
        return freeze(path.substr(8));
    if (path == "/reset") {
        TargetReply reply = text(Endpoint::Reset, 0, {});
        reply.action = TargetReply::Action::Reset;
        return reply;
    }
    if (path == "/garbage") {
        TargetReply reply =
            text(Endpoint::Garbage, 0, "\x16\x03\x01 this is not HTTP \xff\xfe\r\n\r\n");
        reply.action = TargetReply::Action::Garbage;
        return reply;
    }
    if (path == "/items" || startsWith(path, "/items/"))
        return items(request, items_, path.substr(6));
    if (path == "/courses" || startsWith(path, "/courses/"))
        return items(request, courses_, path.substr(8));
    return text(Endpoint::NotFound, 404,
                "no such endpoint: " + std::string(path) + "\n\n" + std::string(kEndpointList));
}

TargetReply TargetRouter::root(const Request& /*request*/, std::string_view query) {
    const QueryString params(query);
    TargetReply reply = text(Endpoint::Root, 200, "Hello from the Stampede target.\n");
    if (const auto latency = params.value("latency")) {
        const auto parsed = LatencySpec::parse(*latency);
        if (!parsed.ok())
            return badRequest(Endpoint::Root, "bad latency: " + parsed.error());
        const std::lock_guard lock(rngMutex_);
        reply.delay = parsed.spec().sample(rng_);
    }
    if (const auto fail = params.value("fail")) {
        const auto probability = parseDecimal(*fail, 0.0, 1.0);
        if (!probability)
            return badRequest(Endpoint::Root, "bad fail: a probability from 0 to 1, e.g. 0.05");
        const bool fails = [&] {
            const std::lock_guard lock(rngMutex_);
            return std::bernoulli_distribution(*probability)(rng_);
        }();
        if (fails) {
            reply.status = 500;
            reply.body = "injected failure (fail=" + *fail + ")\n";
        }
    }
    return reply;
}

TargetReply TargetRouter::bytes(std::string_view count) {
    const auto n = parseInteger(count, 0, kMaxBytes);
    if (!n)
        return badRequest(Endpoint::Bytes, "N must be a whole number from 0 to 67108864");
    TargetReply reply = text(Endpoint::Bytes, 200, std::string(static_cast<std::size_t>(*n), '\0'));
    for (std::size_t i = 0; i < reply.body.size(); ++i)
        reply.body[i] = static_cast<char>('a' + i % 26);
    reply.contentType = "application/octet-stream";
    return reply;
}

TargetReply TargetRouter::delay(std::string_view milliseconds) {
    const auto ms = parseInteger(milliseconds, 0, kMaxDelayMs);
    if (!ms)
        return badRequest(Endpoint::Delay, "MS must be a whole number from 0 to 60000");
    TargetReply reply = text(Endpoint::Delay, 200, "delayed " + std::to_string(*ms) + " ms\n");
    reply.delay = std::chrono::milliseconds(*ms);
    return reply;
}

TargetReply TargetRouter::status(std::string_view code) {
    const auto value = parseInteger(code, 200, 599);
    if (!value)
        return badRequest(Endpoint::Status, "CODE must be a whole number from 200 to 599");
    const int status = static_cast<int>(*value);
    // 204 and 304 must not carry a body (RFC 9110).
    if (status == 204 || status == 304)
        return text(Endpoint::Status, status, {});
    const auto reason = http::obsolete_reason(static_cast<http::status>(status));
    return text(Endpoint::Status, status,
                std::to_string(status) + " " + std::string(reason.data(), reason.size()) + "\n");
}

TargetReply TargetRouter::echo(const Request& request) {
    TargetReply reply = text(Endpoint::Echo, 200, request.body());
    const auto type = request[http::field::content_type];
    reply.contentType =
        type.empty() ? "application/octet-stream" : std::string(type.data(), type.size());
    return reply;
}

TargetReply TargetRouter::headers(const Request& request) {
    QJsonObject fields;
    for (const auto& field : request) {
        const auto name = QString::fromLatin1(field.name_string().data(),
                                              static_cast<qsizetype>(field.name_string().size()));
        const auto value =
            QString::fromLatin1(field.value().data(), static_cast<qsizetype>(field.value().size()));
        // Repeated fields are joined as RFC 9110 allows for list-valued headers.
        const QString previous = fields.value(name).toString();
        fields.insert(name, previous.isEmpty() ? value : previous + QStringLiteral(", ") + value);
    }
    TargetReply reply = text(Endpoint::Headers, 200,
                             QJsonDocument(QJsonObject{{QStringLiteral("headers"), fields}})
                                 .toJson(QJsonDocument::Indented)
                                 .toStdString());
    reply.contentType = "application/json";
    return reply;
}

TargetReply TargetRouter::drip(std::string_view query) {
    const QueryString params(query);
    const auto bytes = parseInteger(params.value("bytes").value_or("10"), 0, kMaxDripBytes);
    const auto ms = parseInteger(params.value("ms").value_or("1000"), 0, kMaxDelayMs);
    if (!bytes || !ms)
        return badRequest(Endpoint::Drip,
                          "drip needs bytes=N (0 to 16777216) and ms=T (0 to 60000), the total "
                          "time over which the N bytes trickle out");
    TargetReply reply = text(Endpoint::Drip, 200, {});
    reply.action = TargetReply::Action::Drip;
    reply.contentType = "application/octet-stream";
    reply.dripBytes = static_cast<std::size_t>(*bytes);
    reply.dripDuration = std::chrono::milliseconds(*ms);
    return reply;
}

TargetReply TargetRouter::freeze(std::string_view milliseconds) {
    const auto ms = parseInteger(milliseconds, 0, kMaxFreezeMs);
    if (!ms)
        return badRequest(Endpoint::Freeze, "MS must be a whole number from 0 to 10000");
    TargetReply reply =
        text(Endpoint::Freeze, 200, "froze the server for " + std::to_string(*ms) + " ms\n");
    reply.action = TargetReply::Action::Freeze;
    reply.delay = std::chrono::milliseconds(*ms);
    return reply;
}

TargetReply TargetRouter::items(const Request& request, ItemStore& store, std::string_view rest) {
    const http::verb method = request.method();
    const auto json = [](int status, std::string body) {
        TargetReply reply = text(Endpoint::Items, status, std::move(body));
        reply.contentType = "application/json";
        return reply;
    };
    const auto refused = [&](const ItemStore::Refusal& refusal) {
        return text(Endpoint::Items, refusal.status, refusal.message + "\n");
    };
    if (rest.empty() || rest == "/") {
        if (isRead(method))
            return json(200, store.listJson());
        if (method != http::verb::post)
            return methodNotAllowed(Endpoint::Items, "GET, POST");
        auto created = store.create(request.body());
        if (auto* refusal = std::get_if<ItemStore::Refusal>(&created))
            return refused(*refusal);
        auto& item = std::get<ItemStore::Created>(created);
        TargetReply reply = json(201, std::move(item.json));
        const auto target = std::string_view(request.target().data(), request.target().size());
        const auto path = target.substr(0, target.find('?'));
        reply.headers.emplace_back("Location",
                                   std::string(path.substr(0, path.size() - rest.size())) + "/" +
                                       std::to_string(item.id));
        return reply;
    }
    const auto id = parseInteger(rest.substr(1), 1, std::numeric_limits<std::int64_t>::max());
    if (!id)
        return badRequest(Endpoint::Items, "an item's id is a whole number from 1");
    const auto number = static_cast<std::uint64_t>(*id);
    switch (method) {
    case http::verb::get:
    case http::verb::head:
        if (auto item = store.find(number))
            return json(200, std::move(*item));
        return text(Endpoint::Items, 404, "no item " + std::to_string(number) + "\n");
    case http::verb::put: {
        auto replaced = store.replace(number, request.body());
        if (auto* refusal = std::get_if<ItemStore::Refusal>(&replaced))
            return refused(*refusal);
        return json(200, std::get<std::string>(std::move(replaced)));
    }
    case http::verb::delete_:
        if (store.remove(number))
            return text(Endpoint::Items, 204, {});
        return text(Endpoint::Items, 404, "no item " + std::to_string(number) + "\n");
    default:
        return methodNotAllowed(Endpoint::Items, "GET, PUT, DELETE");
    }
}

} // namespace stampede
