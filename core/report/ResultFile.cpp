#include "core/report/ResultFile.h"

#include "core/plan/PlanFields.h"
#include "core/plan/PlanJson.h"
#include "core/report/ReportDirectory.h"
#include "core/text/UtcTime.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace stampede {
namespace {

using Fields = PlanFields;
using SysClock = std::chrono::system_clock;

// Counts, microseconds and indices: whole numbers a double holds exactly.
constexpr NumberRange kCount{"a whole number", 0, 9e15, false, true};
constexpr NumberRange kDecimal{"a number", -1e300, 1e300, false, false};
constexpr NumberRange kSecond{"a whole number", 1, 1e9, false, true};
constexpr NumberRange kShardCount{"a whole number of shards", 1, 100000, false, true};

qint64 whole(std::uint64_t n) {
    return static_cast<qint64>(n);
}

[[noreturn]] void refuse(std::string field, std::string message) {
    Fields::refuse(std::move(field), std::move(message));
}

SysClock::time_point readUtc(const Fields& fields, std::string_view key) {
    fields.require(key);
    const std::string text = *fields.string(key);
    const auto t = parseUtcTime(text);
    if (!t || text.find('T') == std::string::npos)
        refuse(fields.path(key),
               "must be a UTC time like 2026-12-01T14:50:00.000Z, not \"" + text + "\"");
    return *t;
}

std::uint64_t count(const Fields& fields, std::string_view key) {
    fields.require(key);
    return static_cast<std::uint64_t>(*fields.number(key, kCount));
}

double decimal(const Fields& fields, std::string_view key) {
    fields.require(key);
    return *fields.number(key, kDecimal);
}

// --- histograms: sparse buckets [[index, count], …] with the exact extremes and sum --------

QJsonObject partsJson(const LatencyHistogram::Parts& parts) {
    QJsonArray buckets;
    for (const auto& [index, n] : parts.buckets)
        buckets.append(QJsonArray{whole(index), whole(n)});
    return {{"count", whole(parts.count)},
            {"min_us", whole(parts.min)},
            {"max_us", whole(parts.max)},
            {"sum_us", parts.sum},
            {"buckets", buckets}};
}

QJsonObject histogramJson(const LatencyHistogram& histogram) {
    return partsJson(histogram.parts());
}

LatencyHistogram readHistogram(const QJsonValue& value, const std::string& path) {
    const Fields fields(value, path, {"count", "min_us", "max_us", "sum_us", "buckets"});
    LatencyHistogram::Parts parts;
    parts.count = count(fields, "count");
    parts.min = count(fields, "min_us");
    parts.max = count(fields, "max_us");
    parts.sum = decimal(fields, "sum_us");
    fields.require("buckets");
    const QJsonArray buckets = *fields.array("buckets");
    for (qsizetype i = 0; i < buckets.size(); ++i) {
        const QJsonArray pair = buckets[i].toArray();
        const std::string at = Fields::element(fields.path("buckets"), i);
        if (!buckets[i].isArray() || pair.size() != 2 || !pair[0].isDouble() ||
            !pair[1].isDouble() || !kCount.contains(pair[0].toDouble()) ||
            !kCount.contains(pair[1].toDouble()))
            refuse(at, "must be [index, count], two whole numbers");
        parts.buckets.emplace_back(static_cast<std::size_t>(pair[0].toDouble()),
                                   static_cast<std::uint64_t>(pair[1].toDouble()));
    }
    std::string why;
    auto histogram = LatencyHistogram::fromParts(parts, &why);
    if (!histogram)
        refuse(path, "an inconsistent histogram: " + why);
    return std::move(*histogram);
}

// --- counts by status and by error class ----------------------------------------------------

QJsonObject statusJson(const std::map<int, std::uint64_t>& counts) {
    QJsonObject out;
    for (const auto& [status, n] : counts)
        out.insert(QString::number(status), whole(n));
    return out;
}

std::map<int, std::uint64_t> readStatus(const QJsonValue& value, const std::string& path) {
    if (!value.isObject())
        refuse(path, "must be an object of status: count");
    std::map<int, std::uint64_t> out;
    const QJsonObject object = value.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        bool ok = false;
        const int status = it.key().toInt(&ok);
        const std::string at = path + "." + it.key().toStdString();
        if (!ok || status < 0 || status > 999)
            refuse(at, "is not a status code");
        if (!it.value().isDouble() || !kCount.contains(it.value().toDouble()))
            refuse(at, "must be a whole number");
        out[status] = static_cast<std::uint64_t>(it.value().toDouble());
    }
    return out;
}

QJsonObject errorsJson(const std::array<ErrorSummary, kErrorClassCount>& errors) {
    QJsonObject out;
    for (std::size_t i = 0; i < kErrorClassCount; ++i)
        if (errors[i].count > 0)
            out.insert(
                QString::fromUtf8(errorClassName(ErrorClass(i)).data()),
                QJsonObject{{"count", whole(errors[i].count)},
                            {"first_message", QString::fromStdString(errors[i].firstMessage)}});
    return out;
}

std::array<ErrorSummary, kErrorClassCount> readErrors(const QJsonValue& value,
                                                      const std::string& path) {
    if (!value.isObject())
        refuse(path, "must be an object of error classes");
    std::array<ErrorSummary, kErrorClassCount> out{};
    const QJsonObject object = value.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        const std::string at = path + "." + it.key().toStdString();
        const auto errorClass = parseErrorClass(it.key().toStdString());
        if (!errorClass)
            refuse(at, "is not an error class");
        const Fields fields(it.value(), at, {"count", "first_message"});
        ErrorSummary& summary = out[static_cast<std::size_t>(*errorClass)];
        summary.count = count(fields, "count");
        summary.firstMessage = fields.string("first_message").value_or("");
    }
    return out;
}

// --- the per-second series ------------------------------------------------------------------

QJsonObject rowJson(const TimeSeriesRow& row, const LatencyHistogram::Parts* latency,
                    const std::vector<LatencyHistogram::Parts>* stepLatency) {
    QJsonArray byClass;
    for (const std::uint64_t n : row.errorsByClass)
        byClass.append(whole(n));
    QJsonArray steps;
    for (std::size_t i = 0; i < row.steps.size(); ++i) {
        const StepSecond& step = row.steps[i];
        QJsonObject out{{"completed", whole(step.completed)},
                        {"errors", whole(step.errors)},
                        {"p50_ms", step.p50Ms},
                        {"p90_ms", step.p90Ms},
                        {"p99_ms", step.p99Ms}};
        if (stepLatency && i < stepLatency->size())
            out.insert("latency", partsJson((*stepLatency)[i]));
        steps.append(out);
    }
    QJsonObject out{{"second", row.second},
                    {"duration_s", row.durationS},
                    {"completed", whole(row.completed)},
                    {"errors", whole(row.errors)},
                    {"errors_by_class", byClass},
                    {"bytes", whole(row.bytes)},
                    {"p50_ms", row.p50Ms},
                    {"p90_ms", row.p90Ms},
                    {"p99_ms", row.p99Ms},
                    {"mean_ms", row.meanMs},
                    {"in_flight", whole(row.inFlight)},
                    {"backlog", whole(row.backlog)},
                    {"active_users", row.activeUsers},
                    {"target_rps", row.targetRate},
                    {"steps", steps}};
    if (latency)
        out.insert("latency", partsJson(*latency));
    return out;
}

void readRow(const QJsonValue& value, const std::string& path, RunReport& report) {
    const Fields f(value, path,
                   {"second", "duration_s", "completed", "errors", "errors_by_class", "bytes",
                    "p50_ms", "p90_ms", "p99_ms", "mean_ms", "in_flight", "backlog", "active_users",
                    "target_rps", "steps", "latency"});
    TimeSeriesRow row;
    f.require("second");
    row.second = static_cast<int>(*f.number("second", kSecond));
    row.durationS = decimal(f, "duration_s");
    row.completed = count(f, "completed");
    row.errors = count(f, "errors");
    f.require("errors_by_class");
    const QJsonArray byClass = *f.array("errors_by_class");
    if (byClass.size() != qsizetype(kErrorClassCount))
        refuse(f.path("errors_by_class"),
               "must hold " + std::to_string(kErrorClassCount) + " counts, one per error class");
    for (std::size_t i = 0; i < kErrorClassCount; ++i)
        row.errorsByClass[i] = static_cast<std::uint64_t>(byClass[qsizetype(i)].toDouble());
    row.bytes = count(f, "bytes");
    row.p50Ms = decimal(f, "p50_ms");
    row.p90Ms = decimal(f, "p90_ms");
    row.p99Ms = decimal(f, "p99_ms");
    row.meanMs = decimal(f, "mean_ms");
    row.inFlight = count(f, "in_flight");
    row.backlog = count(f, "backlog");
    row.activeUsers = decimal(f, "active_users");
    row.targetRate = decimal(f, "target_rps");
    std::vector<LatencyHistogram::Parts> stepLatency;
    if (auto steps = f.array("steps"))
        for (qsizetype i = 0; i < steps->size(); ++i) {
            const Fields s(steps->at(i), Fields::element(f.path("steps"), i),
                           {"completed", "errors", "p50_ms", "p90_ms", "p99_ms", "latency"});
            row.steps.push_back({count(s, "completed"), count(s, "errors"), decimal(s, "p50_ms"),
                                 decimal(s, "p90_ms"), decimal(s, "p99_ms")});
            const QJsonValue latency = s.value("latency");
            stepLatency.push_back(latency.isUndefined()
                                      ? LatencyHistogram::Parts{}
                                      : readHistogram(latency, s.path("latency")).parts());
        }
    if (!row.steps.empty())
        report.timeSeriesStepLatency.push_back(std::move(stepLatency));
    if (!report.timeSeries.empty() && row.second <= report.timeSeries.back().second)
        refuse(f.path("second"), "seconds go in ascending order, once each");
    const QJsonValue latency = f.value("latency");
    report.timeSeriesLatency.push_back(latency.isUndefined()
                                           ? LatencyHistogram::Parts{}
                                           : readHistogram(latency, f.path("latency")).parts());
    report.timeSeries.push_back(std::move(row));
}

// --- steps and iterations -------------------------------------------------------------------

QJsonObject stepJson(const StepFigures& step) {
    return {{"requests", whole(step.requests)},
            {"completed", whole(step.completed)},
            {"errors", whole(step.errors)},
            {"skipped", whole(step.skipped)},
            {"bytes", whole(step.bytes)},
            {"status", statusJson(step.statusCounts)},
            {"errors_by_class", errorsJson(step.errorsByClass)},
            {"latency", histogramJson(step.latency)}};
}

StepFigures readStep(const QJsonValue& value, const std::string& path) {
    const Fields f(value, path,
                   {"requests", "completed", "errors", "skipped", "bytes", "status",
                    "errors_by_class", "latency"});
    StepFigures step;
    step.requests = count(f, "requests");
    step.completed = count(f, "completed");
    step.errors = count(f, "errors");
    step.skipped = count(f, "skipped");
    step.bytes = count(f, "bytes");
    step.statusCounts = readStatus(f.value("status"), f.path("status"));
    step.errorsByClass = readErrors(f.value("errors_by_class"), f.path("errors_by_class"));
    step.latency = readHistogram(f.value("latency"), f.path("latency"));
    return step;
}

RunReport readReport(const QJsonObject& root) {
    const QJsonValue version = root.value("stampede_result");
    if (version.isUndefined())
        refuse("stampede_result", "missing: this is not a Stampede result file");
    if (!version.isDouble() || version.toDouble() != std::trunc(version.toDouble()) ||
        version.toDouble() < 1)
        refuse("stampede_result", "must be " + std::to_string(ResultFile::kVersion) + ", not " +
                                      Fields::shown(version));
    if (version.toDouble() > ResultFile::kVersion)
        refuse("stampede_result", "version " + NumberRange::format(version.toDouble()) +
                                      " is newer than this Stampede understands (" +
                                      std::to_string(ResultFile::kVersion) + ")");
    const Fields top(root, "",
                     {"stampede_result",
                      "plan",
                      "url",
                      "engine",
                      "engine_reason",
                      "threads",
                      "http_version",
                      "host",
                      "started_utc",
                      "ended_utc",
                      "outcome",
                      "model",
                      "duration_s",
                      "planned_duration_s",
                      "request_limit",
                      "totals",
                      "status",
                      "errors",
                      "latency",
                      "steps",
                      "iterations",
                      "series",
                      "cpu_user_s",
                      "cpu_sys_s",
                      "shard"});
    RunReport report;
    top.require("plan");
    const QJsonValue plan = top.value("plan");
    if (!plan.isObject())
        refuse("plan", "must be the plan as run, an object");
    // As it was run: its files (a body, a data file) need not exist where the result is read.
    auto readPlan =
        PlanJson::read(QJsonDocument(plan.toObject()).toJson(), PlanJson::Check::Fields);
    if (auto* error = std::get_if<PlanError>(&readPlan))
        refuse("plan" + (error->field.empty() ? std::string() : "." + error->field),
               error->message);
    report.plan = std::get<Plan>(std::move(readPlan));
    report.url = top.string("url").value_or("");
    report.engine = top.string("engine").value_or("");
    report.engineWhy = top.string("engine_reason").value_or("");
    report.threads = static_cast<int>(top.number("threads", kSecond).value_or(1));
    report.httpVersion = top.string("http_version").value_or("");
    report.host = top.string("host").value_or("");
    report.startedUtc = readUtc(top, "started_utc");
    report.endedUtc = readUtc(top, "ended_utc");
    if (auto shard = top.object("shard", {"count", "indices"})) {
        shard->require("count");
        report.shardCount = static_cast<int>(*shard->number("count", kShardCount));
        shard->require("indices");
        const QJsonArray indices = *shard->array("indices");
        for (qsizetype i = 0; i < indices.size(); ++i) {
            const double k = indices[i].toDouble(-1);
            if (!indices[i].isDouble() || k != std::trunc(k) || k < 1 || k > report.shardCount ||
                (!report.shards.empty() && k <= report.shards.back()))
                refuse(Fields::element(shard->path("indices"), i),
                       "must be shard numbers from 1 to " + std::to_string(report.shardCount) +
                           ", ascending, each once");
            report.shards.push_back(static_cast<int>(k));
        }
        if (report.shards.empty())
            refuse(shard->path("indices"), "must name at least one shard");
    }
    report.cpuUserSeconds = decimal(top, "cpu_user_s");
    report.cpuSystemSeconds = decimal(top, "cpu_sys_s");

    RunSnapshot& f = report.final;
    top.require("outcome");
    const std::string outcome = *top.string("outcome");
    bool known = false;
    for (auto phase :
         {RunSnapshot::Phase::Finished, RunSnapshot::Phase::Stopped, RunSnapshot::Phase::Failed})
        if (outcome == phaseName(phase)) {
            f.phase = phase;
            known = true;
        }
    if (!known)
        refuse("outcome",
               "must be \"finished\", \"stopped\" or \"failed\", not \"" + outcome + "\"");
    f.model = report.plan.load.model;
    f.elapsed = std::chrono::milliseconds(std::llround(decimal(top, "duration_s") * 1000));
    if (auto planned = top.number("planned_duration_s", kDecimal))
        f.plannedDuration = std::chrono::milliseconds(std::llround(*planned * 1000));
    if (auto limit = top.number("request_limit", kCount))
        f.requestLimit = static_cast<std::uint64_t>(*limit);
    top.require("totals");
    const Fields totals =
        *top.object("totals", {"requests", "completed", "errors", "bytes", "backlog_max"});
    f.requests = count(totals, "requests");
    f.completed = count(totals, "completed");
    f.errors = count(totals, "errors");
    f.bytes = count(totals, "bytes");
    f.backlogMax = count(totals, "backlog_max");
    f.statusCounts = readStatus(top.value("status"), "status");
    f.errorsByClass = readErrors(top.value("errors"), "errors");
    top.require("latency");
    const Fields latency = *top.object("latency", {"corrected", "uncorrected"});
    f.latency = readHistogram(latency.value("corrected"), "latency.corrected");
    f.latencyUncorrected = readHistogram(latency.value("uncorrected"), "latency.uncorrected");
    if (f.latency.count() > f.completed)
        refuse("latency.corrected.count", "is above totals.completed: a latency is recorded only "
                                          "for a request that got a response");
    if (auto steps = top.array("steps"))
        for (qsizetype i = 0; i < steps->size(); ++i)
            f.steps.push_back(readStep(steps->at(i), Fields::element("steps", i)));
    if (f.steps.size() != report.plan.steps.size())
        refuse("steps", "has " + std::to_string(f.steps.size()) + " entries for a plan of " +
                            std::to_string(report.plan.steps.size()) + " steps");
    std::uint64_t stepRequests = 0;
    for (const StepFigures& step : f.steps)
        stepRequests += step.requests;
    if (stepRequests != f.requests)
        refuse("steps", "the steps' requests add up to " + std::to_string(stepRequests) +
                            ", totals.requests says " + std::to_string(f.requests));
    if (auto iterations =
            top.object("iterations", {"completed", "failed", "first_failure", "duration"})) {
        f.iterations.completed = count(*iterations, "completed");
        f.iterations.failed = count(*iterations, "failed");
        f.iterations.firstFailure = iterations->string("first_failure").value_or("");
        f.iterations.duration = readHistogram(iterations->value("duration"), "iterations.duration");
    }
    if (auto series = top.array("series"))
        for (qsizetype i = 0; i < series->size(); ++i)
            readRow(series->at(i), Fields::element("series", i), report);
    return report;
}

} // namespace

QByteArray ResultFile::write(const RunReport& report) {
    const RunSnapshot& f = report.final;
    QJsonArray steps;
    for (const StepFigures& step : f.steps)
        steps.append(stepJson(step));
    QJsonArray series;
    for (std::size_t i = 0; i < report.timeSeries.size(); ++i)
        series.append(rowJson(
            report.timeSeries[i],
            i < report.timeSeriesLatency.size() ? &report.timeSeriesLatency[i] : nullptr,
            i < report.timeSeriesStepLatency.size() ? &report.timeSeriesStepLatency[i] : nullptr));
    QJsonObject root{
        {"stampede_result", kVersion},
        {"plan", QJsonDocument::fromJson(PlanJson::write(report.plan)).object()},
        {"url", QString::fromStdString(report.url)},
        {"engine", QString::fromStdString(report.engine)},
        {"engine_reason", QString::fromStdString(report.engineWhy)},
        {"threads", report.threads},
        {"http_version", QString::fromStdString(report.httpVersion)},
        {"host", QString::fromStdString(report.host)},
        {"started_utc", utcText(report.startedUtc)},
        {"ended_utc", utcText(report.endedUtc)},
        {"outcome", phaseName(f.phase)},
        {"duration_s", f.seconds()},
        {"totals", QJsonObject{{"requests", whole(f.requests)},
                               {"completed", whole(f.completed)},
                               {"errors", whole(f.errors)},
                               {"bytes", whole(f.bytes)},
                               {"backlog_max", whole(f.backlogMax)}}},
        {"status", statusJson(f.statusCounts)},
        {"errors", errorsJson(f.errorsByClass)},
        {"latency", QJsonObject{{"corrected", histogramJson(f.latency)},
                                {"uncorrected", histogramJson(f.latencyUncorrected)}}},
        {"steps", steps},
        {"iterations",
         QJsonObject{{"completed", whole(f.iterations.completed)},
                     {"failed", whole(f.iterations.failed)},
                     {"first_failure", QString::fromStdString(f.iterations.firstFailure)},
                     {"duration", histogramJson(f.iterations.duration)}}},
        {"series", series},
        {"cpu_user_s", report.cpuUserSeconds},
        {"cpu_sys_s", report.cpuSystemSeconds},
    };
    if (report.shardCount > 0) {
        QJsonArray indices;
        for (const int k : report.shards)
            indices.append(k);
        root.insert("shard", QJsonObject{{"count", report.shardCount}, {"indices", indices}});
    }
    if (f.plannedDuration)
        root.insert("planned_duration_s", double(f.plannedDuration->count()) / 1000.0);
    if (f.requestLimit)
        root.insert("request_limit", whole(*f.requestLimit));
    // Compact: the per-second histograms are most of a file, and indented they take four
    // lines a bucket (52 KiB per second of a 1000 req/s run on loopback, 4 KiB compact).
    return QJsonDocument(root).toJson(QJsonDocument::Compact) + '\n';
}

std::variant<RunReport, PlanError> ResultFile::read(const QByteArray& json) {
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return PlanError{"", "not a result file: not valid JSON (" +
                                 parseError.errorString().toStdString() + " at offset " +
                                 std::to_string(parseError.offset) + "; truncated?)"};
    if (!document.isObject())
        return PlanError{"", "not a result file: it holds no JSON object"};
    try {
        return readReport(document.object());
    } catch (const Fields::Refusal& refusal) {
        return refusal.error;
    }
}

std::optional<std::string> ResultFile::writeFile(const RunReport& report, const QString& path) {
    return saveFile(path, write(report));
}

std::variant<RunReport, std::string> ResultFile::readFile(const QString& path) {
    if (QFileInfo(path).isDir())
        return path.toStdString() + ": is a directory, not a result file";
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return path.toStdString() + ": " + file.errorString().toStdString();
    auto read = ResultFile::read(file.readAll());
    if (const auto* error = std::get_if<PlanError>(&read))
        return path.toStdString() + ": " + error->text();
    return std::get<RunReport>(std::move(read));
}

} // namespace stampede
