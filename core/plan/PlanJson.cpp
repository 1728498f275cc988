#include "core/plan/PlanJson.h"

#include "core/plan/PlanFields.h"
#include "core/plan/PlanValidation.h"
#include "core/text/JsonLayout.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>

#include <cmath>

namespace stampede {
namespace {

template <typename T, typename U> void assign(T& target, const std::optional<U>& value) {
    if (value)
        target = static_cast<T>(*value);
}

[[noreturn]] void refuse(std::string field, std::string message) {
    PlanFields::refuse(std::move(field), std::move(message));
}

// An enumeration: a wrong type and a wrong word get the same message, naming what is allowed.
template <typename Parse>
auto choice(const PlanFields& fields, std::string_view key, const std::string& allowed, Parse parse)
    -> decltype(parse(std::string())) {
    const QJsonValue value = fields.value(key);
    if (value.isUndefined())
        return std::nullopt;
    auto parsed = value.isString() ? parse(value.toString().toStdString()) : std::nullopt;
    if (!parsed)
        refuse(fields.path(key), "must be " + allowed + ", not " + PlanFields::shown(value));
    return parsed;
}

std::optional<LoadShape::Model> parseModel(const std::string& text) {
    if (text == "closed")
        return LoadShape::Model::Closed;
    if (text == "open")
        return LoadShape::Model::Open;
    return std::nullopt;
}

void readVersion(const QJsonObject& root) {
    const QJsonValue version = root.value(QLatin1String("stampede_plan"));
    const std::string understood = std::to_string(PlanJson::kVersion);
    if (version.isUndefined())
        refuse("stampede_plan",
               "missing; a plan file starts with \"stampede_plan\": " + understood);
    const double v = version.toDouble(-1);
    if (version.isDouble() && std::trunc(v) == v && v > PlanJson::kVersion)
        refuse("stampede_plan", "version " + NumberRange::format(v) +
                                    " is newer than this Stampede understands (" + understood +
                                    ")");
    if (v != PlanJson::kVersion)
        refuse("stampede_plan", "must be " + understood + ", not " + PlanFields::shown(version));
}

void readRequest(const PlanFields& request, Plan& plan) {
    assign(plan.url, request.string("url"));
    assign(plan.method, choice(request, "method", "GET, HEAD, POST, PUT, PATCH or DELETE",
                               [](const std::string& text) { return parseMethod(text); }));
    if (auto headers = request.array("headers")) {
        for (qsizetype i = 0; i < headers->size(); ++i) {
            const PlanFields header(headers->at(i), PlanFields::element(request.path("headers"), i),
                                    {"name", "value"});
            header.require("name");
            header.require("value");
            plan.headers.push_back({*header.string("name"), *header.string("value")});
        }
    }
    assign(plan.body, request.string("body"));
    assign(plan.bodyFile, request.string("body_file"));
    assign(plan.contentType, request.string("content_type"));
    assign(plan.timeout, request.milliseconds("timeout_ms", kTimeoutRange));
    assign(plan.connectTimeout, request.milliseconds("connect_timeout_ms", kTimeoutRange));
    assign(plan.keepAlive, request.boolean("keep_alive"));
    assign(plan.httpVersion,
           choice(request, "http_version", R"("1.1", "2" or "2-prior-knowledge")",
                  [](const std::string& text) { return parseHttpVersion(text); }));
    assign(plan.verifyTls, request.boolean("verify_tls"));
    assign(plan.caCertFile, request.string("ca_cert_file"));
    assign(plan.followRedirects, request.boolean("follow_redirects"));
    assign(plan.maxRedirects, request.number("max_redirects", kMaxRedirectsRange));
    assign(plan.engine, choice(request, "engine", R"("auto", "native" or "curl")",
                               [](const std::string& text) { return parseEngine(text); }));
}

void readLoad(const PlanFields& fields, LoadShape& load) {
    assign(load.model, choice(fields, "model", R"("closed" or "open")", parseModel));
    assign(load.users, fields.number("users", kUsersRange));
    assign(load.thinkTime, fields.milliseconds("think_time_ms", kThinkTimeRange));
    assign(load.rate, fields.number("rate", kRateRange));
    assign(load.maxInFlight, fields.number("max_in_flight", kMaxInFlightRange));
    assign(load.threads, fields.number("threads", kThreadsRange));
    // Stage targets are users or requests per second, as the model says.
    const NumberRange& targetRange =
        load.model == LoadShape::Model::Closed ? kUsersTargetRange : kRateTargetRange;
    if (auto stages = fields.array("stages")) {
        for (qsizetype i = 0; i < stages->size(); ++i) {
            const PlanFields stage(stages->at(i), PlanFields::element(fields.path("stages"), i),
                                   {"duration_s", "target"});
            stage.require("duration_s");
            stage.require("target");
            load.stages.push_back({*stage.seconds("duration_s", kDurationRange),
                                   *stage.number("target", targetRange)});
        }
    }
}

void readStop(const PlanFields& top, Plan& plan) {
    std::optional<std::chrono::milliseconds> duration;
    if (auto stop = top.object("stop", {"duration_s", "requests"})) {
        duration = stop->seconds("duration_s", kDurationRange);
        if (auto requests = stop->number("requests", kRequestLimitRange))
            plan.requestLimit = static_cast<std::uint64_t>(*requests);
    }
    // A run bounded by a request count or by its stages needs no clock unless given one.
    if (duration)
        plan.duration = duration;
    else if (plan.requestLimit || !plan.load.stages.empty())
        plan.duration.reset();
}

Plan readPlan(const QJsonObject& root) {
    // The version first: a newer file may hold keys this version has never heard of.
    readVersion(root);
    const PlanFields top(root, "",
                         {"stampede_plan", "name", "request", "load", "stop", "thresholds"});
    Plan plan;
    assign(plan.name, top.string("name"));
    if (auto request =
            top.object("request", {"url", "method", "headers", "body", "body_file", "content_type",
                                   "timeout_ms", "connect_timeout_ms", "keep_alive", "http_version",
                                   "verify_tls", "ca_cert_file", "follow_redirects",
                                   "max_redirects", "engine"}))
        readRequest(*request, plan);
    if (auto load = top.object("load", {"model", "users", "think_time_ms", "rate", "max_in_flight",
                                        "threads", "stages"}))
        readLoad(*load, plan.load);
    readStop(top, plan);
    if (auto thresholds = top.array("thresholds")) {
        for (qsizetype i = 0; i < thresholds->size(); ++i) {
            const QJsonValue threshold = thresholds->at(i);
            if (!threshold.isString())
                refuse(PlanFields::element("thresholds", i),
                       "must be a string, not " + PlanFields::shown(threshold));
            plan.thresholds.push_back(threshold.toString().toStdString());
        }
    }
    return plan;
}

PlanError syntaxError(const QByteArray& json, const QJsonParseError& error) {
    const QByteArray before = json.left(error.offset);
    const auto line = before.count('\n') + 1;
    const auto column = before.size() - (before.lastIndexOf('\n') + 1) + 1;
    return {"", "not valid JSON: " + error.errorString().toStdString() + " at offset " +
                    std::to_string(error.offset) + " (line " + std::to_string(line) + ", column " +
                    std::to_string(column) + ")"};
}

QByteArray text(const std::string& value) {
    return jsonValue(QString::fromStdString(value));
}
QByteArray whole(std::int64_t value) {
    return jsonValue(qint64(value));
}
QByteArray flag(bool value) {
    return jsonValue(value);
}
QByteArray seconds(std::chrono::milliseconds value) {
    return jsonValue(double(value.count()) / 1000.0);
}

QByteArray writeRequest(const Plan& plan) {
    std::vector<QByteArray> headers;
    for (const HttpHeader& header : plan.headers)
        headers.push_back(
            jsonInlineObject({{"name", text(header.name)}, {"value", text(header.value)}}));
    return jsonObject({{"url", text(plan.url)},
                       {"method", text(std::string(methodName(plan.method)))},
                       {"headers", jsonArray(headers, 2)},
                       {"body", text(plan.body)},
                       {"body_file", text(plan.bodyFile)},
                       {"content_type", text(plan.contentType)},
                       {"timeout_ms", whole(plan.timeout.count())},
                       {"connect_timeout_ms", whole(plan.connectTimeout.count())},
                       {"keep_alive", flag(plan.keepAlive)},
                       {"http_version", text(std::string(httpVersionName(plan.httpVersion)))},
                       {"verify_tls", flag(plan.verifyTls)},
                       {"ca_cert_file", text(plan.caCertFile)},
                       {"follow_redirects", flag(plan.followRedirects)},
                       {"max_redirects", whole(plan.maxRedirects)},
                       {"engine", text(std::string(engineName(plan.engine)))}},
                      1);
}

QByteArray writeLoad(const LoadShape& load) {
    std::vector<QByteArray> stages;
    for (const Stage& stage : load.stages)
        stages.push_back(jsonInlineObject(
            {{"duration_s", seconds(stage.duration)}, {"target", jsonValue(stage.target)}}));
    return jsonObject({{"model", text(load.model == LoadShape::Model::Open ? "open" : "closed")},
                       {"users", whole(load.users)},
                       {"think_time_ms", whole(load.thinkTime.count())},
                       {"rate", jsonValue(load.rate)},
                       {"max_in_flight", whole(load.maxInFlight)},
                       {"threads", whole(load.threads)},
                       {"stages", jsonArray(stages, 2)}},
                      1);
}

} // namespace

QByteArray PlanJson::write(const Plan& plan) {
    JsonMembers stop;
    if (plan.duration)
        stop.emplace_back("duration_s", seconds(*plan.duration));
    if (plan.requestLimit)
        stop.emplace_back("requests", whole(static_cast<std::int64_t>(*plan.requestLimit)));
    std::vector<QByteArray> thresholds;
    for (const std::string& threshold : plan.thresholds)
        thresholds.push_back(text(threshold));
    return jsonObject({{"stampede_plan", whole(kVersion)},
                       {"name", text(plan.name)},
                       {"request", writeRequest(plan)},
                       {"load", writeLoad(plan.load)},
                       {"stop", jsonObject(stop, 1)},
                       {"thresholds", jsonArray(thresholds, 1)}},
                      0) +
           '\n';
}

std::variant<Plan, PlanError> PlanJson::read(const QByteArray& json) {
    if (json.trimmed().isEmpty()) // Qt would say "illegal value at offset 0"
        return PlanError{"",
                         "empty; a plan file holds one JSON object: {\"stampede_plan\": 1, ...}"};
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return syntaxError(json, parseError);
    if (!document.isObject())
        return PlanError{"", "a plan file holds one JSON object: {\"stampede_plan\": 1, ...}"};
    try {
        Plan plan = readPlan(document.object());
        if (auto problem = validatePlan(plan))
            return *problem;
        return plan;
    } catch (const PlanFields::Refusal& refusal) {
        return refusal.error;
    }
}

std::variant<Plan, PlanError> PlanJson::readFile(const QString& path) {
    const auto cannot = [&](const QString& reason) {
        return PlanError{"", "cannot read plan file " + path.toStdString() + ": " +
                                 reason.toStdString()};
    };
    if (QFileInfo(path).isDir())
        return cannot("it is a directory");
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return cannot(file.errorString());
    const QByteArray json = file.readAll();
    if (file.error() != QFileDevice::NoError)
        return cannot(file.errorString());
    return read(json);
}

std::optional<std::string> PlanJson::writeFile(const Plan& plan, const QString& path) {
    QSaveFile file(path);
    if (file.open(QIODevice::WriteOnly) && file.write(write(plan)) >= 0 && file.commit())
        return std::nullopt;
    return "cannot write plan file " + path.toStdString() + ": " + file.errorString().toStdString();
}

} // namespace stampede
