#include "core/report/ResultMerge.h"

#include "core/engine/HttpVersionMix.h"
#include "core/engine/RunAccumulator.h"
#include "core/engine/RunAddition.h"
#include "core/plan/PlanJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <map>
#include <optional>
#include <set>

namespace stampede {
namespace {

using std::chrono::milliseconds;

std::string shown(const QJsonValue& value) {
    if (value.isUndefined())
        return "absent";
    if (value.isString())
        return "\"" + value.toString().toStdString() + "\"";
    if (value.isObject() || value.isArray()) {
        const QJsonDocument doc =
            value.isObject() ? QJsonDocument(value.toObject()) : QJsonDocument(value.toArray());
        std::string text = doc.toJson(QJsonDocument::Compact).toStdString();
        return text.size() > 60 ? text.substr(0, 57) + "..." : text;
    }
    return QJsonDocument(QJsonArray{value})
        .toJson(QJsonDocument::Compact)
        .mid(1)
        .chopped(1)
        .toStdString();
}

struct Difference {
    std::string path;
    QJsonValue a, b;
};

// The first member where two plans differ, in plan-file terms.
std::optional<Difference> firstDifference(const QJsonValue& a, const QJsonValue& b,
                                          const std::string& path) {
    if (a.isObject() && b.isObject()) {
        const QJsonObject x = a.toObject(), y = b.toObject();
        QStringList keys = x.keys() + y.keys();
        keys.removeDuplicates();
        keys.sort();
        for (const QString& key : keys)
            if (auto found =
                    firstDifference(x.value(key), y.value(key), path + "." + key.toStdString()))
                return found;
        return std::nullopt;
    }
    if (a.isArray() && b.isArray()) {
        const QJsonArray x = a.toArray(), y = b.toArray();
        for (qsizetype i = 0; i < std::max(x.size(), y.size()); ++i)
            if (auto found =
                    firstDifference(i < x.size() ? x[i] : QJsonValue(QJsonValue::Undefined),
                                    i < y.size() ? y[i] : QJsonValue(QJsonValue::Undefined),
                                    path + "[" + std::to_string(i) + "]"))
                return found;
        return std::nullopt;
    }
    if (a == b)
        return std::nullopt;
    return Difference{path, a, b};
}

QJsonObject planJson(const Plan& plan) {
    return QJsonDocument::fromJson(PlanJson::write(plan)).object();
}

LatencyHistogram histogramOf(const LatencyHistogram::Parts& parts) {
    std::string why;
    auto histogram = LatencyHistogram::fromParts(parts, &why);
    return histogram ? std::move(*histogram) : LatencyHistogram{};
}

struct Second {
    TimeSeriesRow row;
    LatencyHistogram latency;
    std::vector<LatencyHistogram> steps;
};

// The parts' distinct values in order of first appearance, e.g. "native+curl", "vm,box".
std::string joined(const std::vector<std::string>& parts, const char* separator) {
    std::string out;
    for (auto it = parts.begin(); it != parts.end(); ++it)
        if (!it->empty() && std::find(parts.begin(), it, *it) == it)
            out += (out.empty() ? "" : separator) + *it;
    return out;
}

std::optional<std::string> refusal(const std::vector<RunReport>& parts,
                                   const std::vector<std::string>& names, bool force,
                                   std::vector<std::string>& notes) {
    if (parts.size() < 2)
        return std::string("give two or more result files to merge");
    const QJsonObject plan = planJson(parts[0].plan);
    for (std::size_t i = 1; i < parts.size(); ++i) {
        const QJsonObject other = planJson(parts[i].plan);
        if (const auto d = firstDifference(plan, other, "plan")) {
            const std::string text = names[0] + " and " + names[i] +
                                     " ran different plans: " + d->path + " is " + shown(d->a) +
                                     " in " + names[0] + ", " + shown(d->b) + " in " + names[i];
            if (!force)
                return text + "; --force merges them anyway";
            notes.push_back(text + ": merged anyway (--force)");
        }
    }
    // One file twice, or the same shard from two files, would count its requests twice.
    for (std::size_t i = 0; i < parts.size(); ++i)
        for (std::size_t j = i + 1; j < parts.size(); ++j) {
            const RunReport& a = parts[i];
            const RunReport& b = parts[j];
            for (const int k : a.shards)
                if (std::find(b.shards.begin(), b.shards.end(), k) != b.shards.end())
                    return "shard " + std::to_string(k) + " of " + std::to_string(a.shardCount) +
                           " is in both " + names[i] + " and " + names[j] +
                           ": each shard is merged once";
            // Whole runs (shards were told apart above; with --start-at, shards start in
            // the same millisecond).
            if (a.shards.empty() && b.shards.empty() && a.startedUtc == b.startedUtc &&
                a.host == b.host && a.final.requests == b.final.requests)
                return names[j] + " is the same run as " + names[i] +
                       " (same host, start and requests): each part is merged once";
        }
    const auto wholes = std::count_if(parts.begin(), parts.end(),
                                      [](const RunReport& r) { return r.shardCount == 0; });
    if (wholes > 0) {
        const std::string text =
            wholes == std::ptrdiff_t(parts.size())
                ? "every file is a whole run, not a shard (stampede run --shard K/N)"
                : "some files are shards and some whole runs";
        if (!force)
            return text + "; --force adds them up anyway";
        notes.push_back(text + ": added up anyway (--force)");
        return std::nullopt;
    }
    for (std::size_t i = 1; i < parts.size(); ++i)
        if (parts[i].shardCount != parts[0].shardCount) {
            const std::string text = names[0] + " is a shard of " +
                                     std::to_string(parts[0].shardCount) + ", " + names[i] +
                                     " of " + std::to_string(parts[i].shardCount);
            if (!force)
                return text + "; --force adds them up anyway";
            notes.push_back(text + ": added up anyway (--force)");
        }
    return std::nullopt;
}

} // namespace

std::variant<MergedRun, std::string> mergeResults(const std::vector<RunReport>& parts,
                                                  const std::vector<std::string>& givenNames,
                                                  bool force) {
    std::vector<std::string> names = givenNames;
    for (std::size_t i = names.size(); i < parts.size(); ++i)
        names.push_back("part " + std::to_string(i + 1));
    MergedRun merged;
    if (auto refused = refusal(parts, names, force, merged.notes))
        return std::move(*refused);

    RunReport& out = merged.report;
    const RunReport& first = parts.front();
    out.plan = first.plan;
    out.url = first.url;
    out.engineWhy = first.engineWhy;
    out.startedUtc = first.startedUtc;
    out.endedUtc = first.endedUtc;
    out.threads = 0;
    for (const RunReport& part : parts) {
        out.startedUtc = std::min(out.startedUtc, part.startedUtc);
        out.endedUtc = std::max(out.endedUtc, part.endedUtc);
    }
    std::vector<std::string> engines, hosts;
    std::set<int> shards;
    RunSnapshot& f = out.final;
    f.phase = RunSnapshot::Phase::Finished;
    f.model = first.plan.load.model;
    f.plannedDuration = first.final.plannedDuration;
    std::optional<std::uint64_t> limit = std::uint64_t(0);
    std::map<int, Second> seconds;
    for (std::size_t p = 0; p < parts.size(); ++p) {
        const RunReport& part = parts[p];
        engines.push_back(part.engine);
        hosts.push_back(part.host);
        out.threads += part.threads;
        out.httpVersion = HttpVersionMix::merged(out.httpVersion, part.httpVersion);
        out.cpuUserSeconds += part.cpuUserSeconds;
        out.cpuSystemSeconds += part.cpuSystemSeconds;
        out.shardCount = std::max(out.shardCount, part.shardCount);
        shards.insert(part.shards.begin(), part.shards.end());

        const milliseconds offset =
            std::chrono::duration_cast<milliseconds>(part.startedUtc - out.startedUtc);
        f.phase = endedAs(f.phase, part.final.phase);
        if (f.failure.empty())
            f.failure = part.final.failure;
        f.elapsed = std::max(f.elapsed, offset + part.final.elapsed);
        limit = limit && part.final.requestLimit ? std::optional(*limit + *part.final.requestLimit)
                                                 : std::nullopt;
        addTotals(f, part.final);

        // Row n of a part covers [n-1, n) s after its own start: on the whole's clock, it is
        // the second its start falls in, shifted by the part's start to the nearest second.
        const int shift = static_cast<int>((offset.count() + 500) / 1000);
        for (std::size_t i = 0; i < part.timeSeries.size(); ++i) {
            const TimeSeriesRow& row = part.timeSeries[i];
            auto [at, fresh] = seconds.try_emplace(row.second + shift);
            Second& second = at->second;
            if (fresh) {
                second.row.second = row.second + shift;
                second.row.durationS = 0;
            }
            addRow(second.row, row);
            if (i < part.timeSeriesLatency.size())
                second.latency.merge(histogramOf(part.timeSeriesLatency[i]));
            if (i < part.timeSeriesStepLatency.size()) {
                const auto& steps = part.timeSeriesStepLatency[i];
                second.steps.resize(std::max(second.steps.size(), steps.size()));
                for (std::size_t s = 0; s < steps.size(); ++s)
                    second.steps[s].merge(histogramOf(steps[s]));
            }
        }
    }
    f.requestLimit = limit;
    f.inFlight = 0;
    out.engine = joined(engines, "+");
    out.host = joined(hosts, ",");
    out.shards.assign(shards.begin(), shards.end());
    if (out.shardCount > 0 && out.shards.size() < static_cast<std::size_t>(out.shardCount)) {
        std::string missing;
        for (int k = 1; k <= out.shardCount; ++k)
            if (!shards.count(k))
                missing += (missing.empty() ? "" : ", ") + std::to_string(k);
        merged.notes.push_back("merged " + std::to_string(shards.size()) + " of " +
                               std::to_string(out.shardCount) + " shards; missing: " + missing);
    }

    // Every second from the first to the last, a gap (parts that did not overlap) as an
    // empty second, so the series stays one row per second.
    const bool flow = first.plan.steps.size() > 1;
    const int last = seconds.empty() ? 0 : seconds.rbegin()->first;
    for (int n = 1; n <= last; ++n) {
        Second& second = seconds[n];
        if (second.row.second == 0) {
            second.row.second = n;
            second.row.durationS = 1;
            if (flow)
                second.row.steps.resize(first.plan.steps.size());
        }
        RunAccumulator::describeLatency(second.row, second.latency);
        if (flow)
            second.steps.resize(second.row.steps.size());
        for (std::size_t s = 0; s < second.row.steps.size(); ++s)
            RunAccumulator::describeLatency(second.row.steps[s], second.steps[s]);
        out.timeSeries.push_back(second.row);
        out.timeSeriesLatency.push_back(second.latency.parts());
        if (flow) {
            auto& steps = out.timeSeriesStepLatency.emplace_back();
            for (const LatencyHistogram& step : second.steps)
                steps.push_back(step.parts());
        }
    }
    return merged;
}

} // namespace stampede
