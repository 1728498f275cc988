#include "core/trace/Trace.h"

#include "core/report/ReportDirectory.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <cmath>

namespace stampede {
namespace {

constexpr int kPid = 1;

// Trace-event times are microseconds; a demo's milliseconds keep their sub-microsecond part.
double micros(double ms) {
    return std::isfinite(ms) ? ms * 1000.0 : 0.0;
}

QJsonObject event(const char* phase, const std::string& name, double atMs) {
    return {
        {"ph", phase}, {"name", QString::fromStdString(name)}, {"pid", kPid}, {"ts", micros(atMs)}};
}

} // namespace

Trace::Trace(std::string process)
    : process_(std::move(process)) {}

int Trace::lane(std::string name) {
    lanes_.push_back(std::move(name));
    return int(lanes_.size());
}

void Trace::span(int lane, std::string name, std::string category, double startMs, double endMs,
                 QJsonObject args) {
    QJsonObject e = event("X", name, startMs);
    e["tid"] = lane;
    e["cat"] = QString::fromStdString(category);
    e["dur"] = std::max(0.0, micros(endMs) - micros(startMs));
    if (!args.isEmpty())
        e["args"] = args;
    events_.push_back(std::move(e));
    ++spans_;
}

void Trace::instant(int lane, std::string name, double atMs, QJsonObject args) {
    QJsonObject e = event("i", name, atMs);
    e["tid"] = lane;
    e["s"] = "t";
    if (!args.isEmpty())
        e["args"] = args;
    events_.push_back(std::move(e));
}

void Trace::counter(std::string name, double atMs, double value) {
    QJsonObject e = event("C", name, atMs);
    e["args"] = QJsonObject{{"value", value}};
    events_.push_back(std::move(e));
}

void Trace::overlapCounter(const std::string& name,
                           const std::vector<std::pair<double, double>>& spans, double fromMs) {
    std::vector<std::pair<double, int>> changes;
    for (const auto& [start, end] : spans) {
        changes.emplace_back(start, 1);
        changes.emplace_back(end, -1);
    }
    std::sort(changes.begin(), changes.end());
    counter(name, fromMs, 0);
    int under = 0;
    for (const auto& [ms, delta] : changes)
        counter(name, ms, under += delta);
}

QByteArray Trace::json() const {
    QJsonArray events;
    // Metadata first: the process's name and each lane's name and place.
    events.append(QJsonObject{{"ph", "M"},
                              {"name", "process_name"},
                              {"pid", kPid},
                              {"args", QJsonObject{{"name", QString::fromStdString(process_)}}}});
    for (std::size_t i = 0; i < lanes_.size(); ++i) {
        const int tid = int(i + 1);
        events.append(
            QJsonObject{{"ph", "M"},
                        {"name", "thread_name"},
                        {"pid", kPid},
                        {"tid", tid},
                        {"args", QJsonObject{{"name", QString::fromStdString(lanes_[i])}}}});
        events.append(QJsonObject{{"ph", "M"},
                                  {"name", "thread_sort_index"},
                                  {"pid", kPid},
                                  {"tid", tid},
                                  {"args", QJsonObject{{"sort_index", tid}}}});
    }
    for (const auto& e : events_)
        events.append(e);
    return QJsonDocument(QJsonObject{{"traceEvents", events}, {"displayTimeUnit", "ms"}})
        .toJson(QJsonDocument::Compact);
}

std::optional<std::string> writeTrace(const Trace& trace, const QString& path) {
    return saveFile(path, trace.json());
}

} // namespace stampede
