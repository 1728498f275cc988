#include "core/plan/PlanFields.h"

#include "core/text/JsonLayout.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace stampede {
namespace {

std::size_t editDistance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j)
        row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] != b[j - 1])});
            diagonal = above;
        }
    }
    return row[b.size()];
}

} // namespace

PlanFields::PlanFields(const QJsonValue& value, std::string path, Keys known)
    : object_(value.toObject())
    , path_(std::move(path)) {
    if (!value.isObject())
        refuse(path_, "must be an object, not " + shown(value));
    for (auto it = object_.begin(); it != object_.end(); ++it)
        if (std::find(known.begin(), known.end(), it.key().toStdString()) == known.end())
            refuseUnknown(it.key().toStdString(), known);
}

QJsonValue PlanFields::value(std::string_view key) const {
    return object_.value(QLatin1String(key.data(), qsizetype(key.size())));
}

std::string PlanFields::path(std::string_view key) const {
    return path_.empty() ? std::string(key) : path_ + "." + std::string(key);
}

void PlanFields::require(std::string_view key) const {
    if (value(key).isUndefined())
        refuse(path(key), "missing");
}

std::optional<std::string> PlanFields::string(std::string_view key) const {
    const QJsonValue v = value(key);
    if (v.isUndefined())
        return std::nullopt;
    if (!v.isString())
        refuse(path(key), "must be a string, not " + shown(v));
    return v.toString().toStdString();
}

std::optional<bool> PlanFields::boolean(std::string_view key) const {
    const QJsonValue v = value(key);
    if (v.isUndefined())
        return std::nullopt;
    if (!v.isBool())
        refuse(path(key), "must be true or false, not " + shown(v));
    return v.toBool();
}

std::optional<double> PlanFields::number(std::string_view key, const NumberRange& range) const {
    const QJsonValue v = value(key);
    if (v.isUndefined())
        return std::nullopt;
    if (!v.isDouble() || !range.contains(v.toDouble()))
        refuse(path(key), "must be " + range.describe() + ", not " + shown(v));
    return v.toDouble();
}

std::optional<std::chrono::milliseconds> PlanFields::milliseconds(std::string_view key,
                                                                  const NumberRange& range) const {
    const auto ms = number(key, range);
    return ms ? std::optional(std::chrono::milliseconds(std::llround(*ms))) : std::nullopt;
}

std::optional<std::chrono::milliseconds> PlanFields::seconds(std::string_view key,
                                                             const NumberRange& range) const {
    const auto s = number(key, range);
    return s ? std::optional(std::chrono::milliseconds(std::llround(*s * 1000.0))) : std::nullopt;
}

std::optional<PlanFields> PlanFields::object(std::string_view key, Keys known) const {
    const QJsonValue v = value(key);
    return v.isUndefined() ? std::nullopt : std::optional(PlanFields(v, path(key), known));
}

std::optional<QJsonArray> PlanFields::array(std::string_view key) const {
    const QJsonValue v = value(key);
    if (v.isUndefined())
        return std::nullopt;
    if (!v.isArray())
        refuse(path(key), "must be an array, not " + shown(v));
    return v.toArray();
}

void PlanFields::refuse(std::string field, std::string message) {
    throw Refusal{PlanError{std::move(field), std::move(message)}};
}

std::string PlanFields::shown(const QJsonValue& value) {
    if (value.isArray())
        return "an array";
    if (value.isObject())
        return "an object";
    return jsonValue(value).toStdString();
}

std::string PlanFields::element(std::string_view path, qsizetype index) {
    return std::string(path) + "[" + std::to_string(index) + "]";
}

void PlanFields::refuseUnknown(const std::string& key, Keys known) const {
    const auto closest = std::min_element(known.begin(), known.end(), [&](auto a, auto b) {
        return editDistance(key, a) < editDistance(key, b);
    });
    if (editDistance(key, *closest) <= 2)
        refuse(path(key), "unknown key; did you mean \"" + std::string(*closest) + "\"?");
    std::string list;
    for (std::string_view k : known)
        list += (list.empty() ? "" : ", ") + std::string(k);
    refuse(path(key), "unknown key; the keys here are " + list);
}

} // namespace stampede
