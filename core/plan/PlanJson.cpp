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

int readVersion(const QJsonObject& root) {
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
    if (!version.isDouble() || std::trunc(v) != v || v < PlanJson::kOldestVersion)
        refuse("stampede_plan", "must be " + std::to_string(PlanJson::kOldestVersion) + " or " +
                                    understood + ", not " + PlanFields::shown(version));
    return static_cast<int>(v);
}

std::optional<HttpMethod> readMethod(const PlanFields& fields) {
    return choice(fields, "method", "GET, HEAD, POST, PUT, PATCH or DELETE",
                  [](const std::string& text) { return parseMethod(text); });
}

void readHeaders(const PlanFields& fields, std::vector<HttpHeader>& out) {
    if (auto headers = fields.array("headers")) {
        for (qsizetype i = 0; i < headers->size(); ++i) {
            const PlanFields header(headers->at(i), PlanFields::element(fields.path("headers"), i),
                                    {"name", "value"});
            header.require("name");
            header.require("value");
            out.push_back({*header.string("name"), *header.string("value")});
        }
    }
}

// What version 1 kept under "request" and version 2 keeps in each step.
void readStepRequest(const PlanFields& fields, Step& step) {
    assign(step.method, readMethod(fields));
    readHeaders(fields, step.headers);
    assign(step.body, fields.string("body"));
    assign(step.bodyFile, fields.string("body_file"));
    assign(step.contentType, fields.string("content_type"));
}

Capture readCapture(const PlanFields& capture, const std::string& path) {
    capture.require("as");
    Capture out;
    out.as = *capture.string("as");
    int sources = 0;
    for (const auto& [key, from] :
         {std::pair{"json", Capture::From::Json}, std::pair{"header", Capture::From::Header},
          std::pair{"regex", Capture::From::Regex}}) {
        if (auto expression = capture.string(key)) {
            ++sources;
            out.from = from;
            out.expression = *expression;
        }
    }
    if (sources != 1)
        refuse(path, "give exactly one of json, header or regex, beside as");
    return out;
}

Step readStep(const PlanFields& fields) {
    Step step;
    assign(step.name, fields.string("name"));
    assign(step.url, fields.string("url"));
    readStepRequest(fields, step);
    // A JSON body written as JSON, as Artillery's "json:" is: sent compact, as
    // application/json unless the step names another type.
    const QJsonValue json = fields.value("json");
    if (!json.isUndefined()) {
        if (!step.body.empty() || !step.bodyFile.empty())
            refuse(fields.path("json"), "give one of body, body_file or json");
        step.body =
            json.isObject()
                ? QJsonDocument(json.toObject()).toJson(QJsonDocument::Compact).toStdString()
            : json.isArray()
                ? QJsonDocument(json.toArray()).toJson(QJsonDocument::Compact).toStdString()
                : jsonValue(json).toStdString();
        if (step.contentType.empty())
            step.contentType = "application/json";
    }
    assign(step.thinkTime, fields.milliseconds("think_time_ms", kThinkTimeRange));
    assign(step.expectStatus, fields.string("expect_status"));
    if (auto captures = fields.array("captures")) {
        for (qsizetype i = 0; i < captures->size(); ++i) {
            const std::string path = PlanFields::element(fields.path("captures"), i);
            step.captures.push_back(readCapture(
                PlanFields(captures->at(i), path, {"json", "header", "regex", "as"}), path));
        }
    }
    return step;
}

std::optional<DataSource::AtEnd> parseAtEnd(const std::string& text) {
    if (text == "cycle")
        return DataSource::AtEnd::Cycle;
    if (text == "stop")
        return DataSource::AtEnd::Stop;
    return std::nullopt;
}

void readScenario(const PlanFields& scenario, Plan& plan) {
    assign(plan.data.file, scenario.string("data_file"));
    assign(plan.data.atEnd, choice(scenario, "data_at_end", R"("cycle" or "stop")", parseAtEnd));
    scenario.require("steps");
    const QJsonArray steps = *scenario.array("steps");
    if (steps.isEmpty())
        refuse(scenario.path("steps"), "needs at least one step");
    plan.steps.clear();
    for (qsizetype i = 0; i < steps.size(); ++i)
        plan.steps.push_back(
            readStep(PlanFields(steps.at(i), PlanFields::element(scenario.path("steps"), i),
                                {"name", "method", "url", "headers", "body", "body_file", "json",
                                 "content_type", "think_time_ms", "expect_status", "captures"})));
}

void readRequest(const PlanFields& request, Plan& plan) {
    assign(plan.url, request.string("url"));
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

Plan readPlan(const QJsonObject& root, int& version) {
    // The version first: a newer file may hold keys this version has never heard of.
    version = readVersion(root);
    const PlanFields top(
        root, "", {"stampede_plan", "name", "request", "scenario", "load", "stop", "thresholds"});
    Plan plan;
    assign(plan.name, top.string("name"));
    const PlanFields::Keys requestKeys = {
        "url",        "timeout_ms",   "connect_timeout_ms", "keep_alive",    "http_version",
        "verify_tls", "ca_cert_file", "follow_redirects",   "max_redirects", "engine"};
    const PlanFields::Keys oldRequestKeys = {"url",
                                             "method",
                                             "headers",
                                             "body",
                                             "body_file",
                                             "content_type",
                                             "timeout_ms",
                                             "connect_timeout_ms",
                                             "keep_alive",
                                             "http_version",
                                             "verify_tls",
                                             "ca_cert_file",
                                             "follow_redirects",
                                             "max_redirects",
                                             "engine"};
    if (auto request = top.object("request", version == 1 ? oldRequestKeys : requestKeys)) {
        readRequest(*request, plan);
        if (version == 1)
            readStepRequest(*request, plan.steps.front());
    }
    if (version == 1 && !top.value("scenario").isUndefined())
        refuse("scenario", "needs \"stampede_plan\": 2; version 1 plans have one request");
    if (auto scenario = top.object("scenario", {"data_file", "data_at_end", "steps"}))
        readScenario(*scenario, plan);
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
    return jsonObject({{"url", text(plan.url)},
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

QByteArray writeStep(const Step& step) {
    std::vector<QByteArray> headers;
    for (const HttpHeader& header : step.headers)
        headers.push_back(
            jsonInlineObject({{"name", text(header.name)}, {"value", text(header.value)}}));
    std::vector<QByteArray> captures;
    for (const Capture& capture : step.captures) {
        const char* from = capture.from == Capture::From::Json     ? "json"
                           : capture.from == Capture::From::Header ? "header"
                                                                   : "regex";
        captures.push_back(
            jsonInlineObject({{from, text(capture.expression)}, {"as", text(capture.as)}}));
    }
    return jsonObject({{"name", text(step.name)},
                       {"method", text(std::string(methodName(step.method)))},
                       {"url", text(step.url)},
                       {"headers", jsonArray(headers, 4)},
                       {"body", text(step.body)},
                       {"body_file", text(step.bodyFile)},
                       {"content_type", text(step.contentType)},
                       {"think_time_ms", whole(step.thinkTime.count())},
                       {"expect_status", text(step.expectStatus)},
                       {"captures", jsonArray(captures, 4)}},
                      3);
}

QByteArray writeScenario(const Plan& plan) {
    std::vector<QByteArray> steps;
    for (const Step& step : plan.steps)
        steps.push_back(writeStep(step));
    return jsonObject(
        {{"data_file", text(plan.data.file)},
         {"data_at_end", text(plan.data.atEnd == DataSource::AtEnd::Stop ? "stop" : "cycle")},
         {"steps", jsonArray(steps, 2)}},
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
                       {"scenario", writeScenario(plan)},
                       {"load", writeLoad(plan.load)},
                       {"stop", jsonObject(stop, 1)},
                       {"thresholds", jsonArray(thresholds, 1)}},
                      0) +
           '\n';
}

std::variant<Plan, PlanError> PlanJson::read(const QByteArray& json, Check check) {
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
        int version = PlanJson::kVersion;
        Plan plan = readPlan(document.object(), version);
        if (check == Check::Fields)
            return plan;
        if (auto problem = validatePlan(plan)) {
            // A version 1 file has its one step's fields under "request": name them there.
            const std::string_view firstStep = "scenario.steps[0].";
            if (version == 1 && problem->field.starts_with(firstStep))
                problem->field = "request." + problem->field.substr(firstStep.size());
            return *problem;
        }
        return plan;
    } catch (const PlanFields::Refusal& refusal) {
        return refusal.error;
    }
}

std::variant<Plan, PlanError> PlanJson::readFile(const QString& path, Check check) {
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
    return read(json, check);
}

std::optional<std::string> PlanJson::writeFile(const Plan& plan, const QString& path) {
    QSaveFile file(path);
    if (file.open(QIODevice::WriteOnly) && file.write(write(plan)) >= 0 && file.commit())
        return std::nullopt;
    return "cannot write plan file " + path.toStdString() + ": " + file.errorString().toStdString();
}

} // namespace stampede
