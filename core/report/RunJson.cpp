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

} // namespace

QByteArray runJson(const RunReport& report, const std::vector<ThresholdResult>& thresholds) {
    const RunSnapshot& f = report.final;
    const bool open = f.model == LoadShape::Model::Open;

    QJsonObject byClass;
    for (std::size_t i = 0; i < kErrorClassCount; ++i)
        if (f.errorsByClass[i].count > 0)
            byClass.insert(QString::fromUtf8(errorClassName(ErrorClass(i)).data()),
                           count(f.errorsByClass[i].count));
    QJsonObject status;
    for (const auto& [code, n] : f.statusCounts)
        status.insert(QString::number(code), count(n));
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
        {"errors_by_class", byClass},
        {"status", status},
        {"duration_s", f.seconds()},
        {"rps", f.rps()},
        {"bytes", count(f.bytes)},
        {"latency_ms", latencyObject(f.latency)},
        {"cpu_user_s", report.cpuUserSeconds},
        {"cpu_sys_s", report.cpuSystemSeconds},
        {"thresholds", verdicts},
    };
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
