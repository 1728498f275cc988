#include "core/report/RunJson.h"

#include "core/stats/LatencyPercentiles.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace stampede {
namespace {

QJsonObject latencyObject(const LatencyHistogram& histogram) {
    const auto p = LatencyPercentiles::from(histogram);
    return {{"p50", p.p50}, {"p75", p.p75},   {"p90", p.p90}, {"p95", p.p95},
            {"p99", p.p99}, {"p999", p.p999}, {"max", p.max}, {"mean", p.mean}};
}

qint64 count(std::uint64_t n) {
    return static_cast<qint64>(n);
}

QJsonObject countsByClass(const std::array<ErrorSummary, kErrorClassCount>& errors) {
    QJsonObject byClass;
    for (std::size_t i = 0; i < kErrorClassCount; ++i)
        if (errors[i].count > 0)
            byClass.insert(QString::fromUtf8(errorClassName(ErrorClass(i)).data()),
                           count(errors[i].count));
    return byClass;
}

QJsonObject firstMessages(const std::array<ErrorSummary, kErrorClassCount>& errors) {
    QJsonObject messages;
    for (std::size_t i = 0; i < kErrorClassCount; ++i)
        if (errors[i].count > 0)
            messages.insert(QString::fromUtf8(errorClassName(ErrorClass(i)).data()),
                            QString::fromStdString(errors[i].firstMessage));
    return messages;
}

QJsonObject statusObject(const std::map<int, std::uint64_t>& counts) {
    QJsonObject status;
    for (const auto& [code, n] : counts)
        status.insert(QString::number(code), count(n));
    return status;
}

QJsonArray stepsArray(const RunReport& report) {
    QJsonArray steps;
    const RunSnapshot& f = report.final;
    for (std::size_t i = 0; i < f.steps.size(); ++i) {
        const StepFigures& step = f.steps[i];
        const Step* planned = i < report.plan.steps.size() ? &report.plan.steps[i] : nullptr;
        steps.append(QJsonObject{
            {"name", QString::fromStdString(planned ? planned->name : std::string())},
            {"method", planned ? QString::fromUtf8(methodName(planned->method).data()) : ""},
            {"url", QString::fromStdString(planned ? planned->url : std::string())},
            {"requests", count(step.requests)},
            {"completed", count(step.completed)},
            {"errors", count(step.errors)},
            {"skipped", count(step.skipped)},
            {"errors_by_class", countsByClass(step.errorsByClass)},
            {"error_messages", firstMessages(step.errorsByClass)},
            {"status", statusObject(step.statusCounts)},
            {"rps", f.seconds() > 0 ? double(step.requests) / f.seconds() : 0.0},
            {"latency_ms", latencyObject(step.latency)},
        });
    }
    return steps;
}

} // namespace

QByteArray runJson(const RunReport& report, const std::vector<ThresholdResult>& thresholds) {
    const RunSnapshot& f = report.final;
    const bool open = f.model == LoadShape::Model::Open;

    QJsonArray verdicts;
    for (const ThresholdResult& result : thresholds)
        verdicts.append(
            QJsonObject{{"passed", result.passed}, {"text", QString::fromStdString(result.text)}});

    QJsonObject root{
        {"url", QString::fromStdString(report.url)},
        {"model", open ? "open" : "closed"},
        {"engine", QString::fromStdString(report.engine)},
        {"engine_reason", QString::fromStdString(report.engineWhy)},
        {"threads", report.threads},
        {"http_version", QString::fromStdString(report.httpVersion)},
        {"outcome", phaseName(f.phase)},
        {"requests", count(f.requests)},
        {"completed", count(f.completed)},
        {"errors", count(f.errors)},
        {"errors_by_class", countsByClass(f.errorsByClass)},
        {"error_messages", firstMessages(f.errorsByClass)},
        {"status", statusObject(f.statusCounts)},
        {"duration_s", f.seconds()},
        {"rps", f.rps()},
        {"bytes", count(f.bytes)},
        {"latency_ms", latencyObject(f.latency)},
        {"cpu_user_s", report.cpuUserSeconds},
        {"cpu_sys_s", report.cpuSystemSeconds},
        {"thresholds", verdicts},
        {"iterations",
         QJsonObject{{"completed", count(f.iterations.completed)},
                     {"failed", count(f.iterations.failed)},
                     {"per_s", f.iterationsPerSecond()},
                     {"first_failure", QString::fromStdString(f.iterations.firstFailure)},
                     {"duration_ms", latencyObject(f.iterations.duration)}}},
        {"steps", stepsArray(report)},
    };
    if (report.shardCount > 0) {
        QJsonArray indices;
        for (const int k : report.shards)
            indices.append(k);
        root.insert("shard", QJsonObject{{"count", report.shardCount}, {"indices", indices}});
    }
    if (open) {
        root.insert("latency_uncorrected_ms", latencyObject(f.latencyUncorrected));
        root.insert("target_rps", report.plan.load.rate);
        root.insert("backlog_max", count(f.backlogMax));
    } else {
        root.insert("users", report.plan.load.users);
    }
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

} // namespace stampede
