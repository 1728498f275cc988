#include "core/report/ReportWriter.h"

#include "core/report/CsvWriter.h"
#include "core/report/ReportDirectory.h"
#include "core/stats/LatencyPercentiles.h"

#include <QDir>
#include <QSaveFile>

#include <array>
#include <memory>
#include <string_view>
#include <utility>
#include <vector>

namespace stampede {
namespace {

constexpr std::array<std::string_view, 8> kPercentileNames = {"p50", "p75",  "p90", "p95",
                                                              "p99", "p999", "max", "mean"};

bool isOpen(const RunReport& report) {
    return report.final.model == LoadShape::Model::Open;
}

void percentileHeader(CsvWriter& csv, std::string_view prefix) {
    for (const auto name : kPercentileNames)
        csv.field(std::string(prefix) + std::string(name) + "_ms");
}

// No requests means no latency, not a latency of 0 ms: leave the cells empty.
void percentileCells(CsvWriter& csv, const LatencyHistogram* histogram) {
    if (!histogram || histogram->count() == 0) {
        for (std::size_t i = 0; i < kPercentileNames.size(); ++i)
            csv.empty();
        return;
    }
    const auto p = LatencyPercentiles::from(*histogram);
    csv.field(p.p50).field(p.p75).field(p.p90).field(p.p95).field(p.p99).field(p.p999);
    csv.field(p.max).field(p.mean);
}

std::string summaryCsv(const RunReport& report) {
    const RunSnapshot& run = report.final;
    const bool open = isOpen(report);
    CsvWriter csv;
    csv.field("url").field("method").field("model").field("duration_s").field("requests");
    csv.field("completed").field("errors").field("error_rate_pct").field("rps").field("bytes");
    percentileHeader(csv, "latency_");
    percentileHeader(csv, "latency_uncorrected_");
    csv.field("target_rps").field("backlog_max").field("cpu_user_s").field("cpu_sys_s");
    csv.field("engine").field("threads").field("http_version");
    csv.endRow();

    csv.field(report.url.empty() ? report.plan.url : report.url);
    csv.field(methodName(report.plan.steps.front().method)).field(open ? "open" : "closed");
    csv.field(run.seconds()).field(run.requests).field(run.completed).field(run.errors);
    csv.field(run.errorPercent());
    csv.field(run.rps()).field(run.bytes);
    percentileCells(csv, &run.latency);
    // Closed model: a user sends only when the previous request ended, so there is no
    // intended time to correct from and the uncorrected figures would merely repeat.
    percentileCells(csv, open ? &run.latencyUncorrected : nullptr);
    if (open)
        csv.field(report.plan.load.rate).field(run.backlogMax);
    else
        csv.empty().empty();
    csv.field(report.cpuUserSeconds).field(report.cpuSystemSeconds);
    csv.field(report.engine).field(report.threads).field(report.httpVersion);
    csv.endRow();
    return csv.text();
}

std::string timeSeriesCsv(const RunReport& report) {
    const bool open = isOpen(report);
    CsvWriter csv;
    csv.field("second").field("completed").field("errors");
    for (std::size_t i = 0; i < kErrorClassCount; ++i)
        csv.field("errors_" + std::string(errorClassName(static_cast<ErrorClass>(i))));
    csv.field("bytes").field("latency_p50_ms").field("latency_p90_ms").field("latency_p99_ms");
    csv.field("in_flight");
    csv.field("backlog").field("active_users").field("target_rps");
    csv.endRow();

    for (const TimeSeriesRow& row : report.timeSeries) {
        csv.field(row.second).field(row.completed).field(row.errors);
        for (const auto count : row.errorsByClass)
            csv.field(count);
        csv.field(row.bytes);
        if (row.completed > 0)
            csv.field(row.p50Ms).field(row.p90Ms).field(row.p99Ms);
        else
            csv.empty().empty().empty();
        csv.field(row.inFlight);
        // Each model's own columns; the other model's stay empty rather than read as 0.
        if (open)
            csv.field(row.backlog).empty().field(row.targetRate);
        else
            csv.empty().field(row.activeUsers).empty();
        csv.endRow();
    }
    return csv.text();
}

std::string statusCodesCsv(const RunReport& report) {
    CsvWriter csv;
    csv.field("status").field("count").endRow();
    for (const auto& [status, count] : report.final.statusCounts) // std::map: ascending
        csv.field(status).field(count).endRow();
    return csv.text();
}

std::string errorsCsv(const RunReport& report) {
    CsvWriter csv;
    csv.field("class").field("count").field("first_message").endRow();
    for (std::size_t i = 0; i < kErrorClassCount; ++i) {
        const ErrorSummary& summary = report.final.errorsByClass[i];
        if (summary.count == 0)
            continue;
        csv.field(errorClassName(static_cast<ErrorClass>(i))).field(summary.count);
        csv.field(summary.firstMessage).endRow();
    }
    return csv.text();
}

// One row per step of the scenario (a one-step plan has one), the figures beside the
// totals: what a flow's bottleneck is found by.
std::string stepsCsv(const RunReport& report) {
    const RunSnapshot& run = report.final;
    CsvWriter csv;
    csv.field("step").field("name").field("method").field("url").field("requests");
    csv.field("completed").field("errors").field("skipped").field("rps").field("bytes");
    percentileHeader(csv, "latency_");
    for (std::size_t i = 0; i < kErrorClassCount; ++i)
        csv.field(errorClassName(static_cast<ErrorClass>(i)));
    csv.endRow();
    for (std::size_t i = 0; i < run.steps.size(); ++i) {
        const StepFigures& step = run.steps[i];
        const Step* planned = i < report.plan.steps.size() ? &report.plan.steps[i] : nullptr;
        csv.field(static_cast<std::uint64_t>(i + 1));
        csv.field(planned ? planned->name : std::string());
        csv.field(planned ? methodName(planned->method) : std::string_view());
        csv.field(planned ? planned->url : std::string());
        csv.field(step.requests).field(step.completed).field(step.errors).field(step.skipped);
        csv.field(run.seconds() > 0 ? double(step.requests) / run.seconds() : 0.0);
        csv.field(step.bytes);
        percentileCells(csv, &step.latency);
        for (const ErrorSummary& summary : step.errorsByClass)
            csv.field(summary.count);
        csv.endRow();
    }
    return csv.text();
}

} // namespace

std::optional<std::string> writeReport(const RunReport& report, const QString& directory) {
    if (auto error = ensureReportDirectory(directory))
        return error;

    const QDir dir(directory);
    const std::array<std::pair<QString, std::string>, 5> contents = {{
        {QStringLiteral("summary.csv"), summaryCsv(report)},
        {QStringLiteral("timeseries.csv"), timeSeriesCsv(report)},
        {QStringLiteral("status_codes.csv"), statusCodesCsv(report)},
        {QStringLiteral("errors.csv"), errorsCsv(report)},
        {QStringLiteral("steps.csv"), stepsCsv(report)},
    }};

    // Write them all aside first; any failure discards every temporary file (QSaveFile's
    // destructor) and no final name is touched.
    std::vector<std::unique_ptr<QSaveFile>> files;
    for (const auto& [name, text] : contents) {
        auto file = std::make_unique<QSaveFile>(dir.absoluteFilePath(name));
        if (!file->open(QIODevice::WriteOnly))
            return cannotWrite(file->fileName(), file->errorString());
        if (file->write(text.data(), qint64(text.size())) != qint64(text.size()))
            return cannotWrite(file->fileName(), file->errorString());
        files.push_back(std::move(file));
    }
    for (const auto& file : files)
        if (!file->commit())
            return cannotWrite(file->fileName(), file->errorString());
    return std::nullopt;
}

} // namespace stampede
