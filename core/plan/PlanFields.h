#pragma once

#include "core/plan/NumberRange.h"
#include "core/plan/PlanError.h"

#include <QJsonArray>
#include <QJsonObject>

#include <chrono>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

namespace stampede {

// One JSON object of a plan file with its path, read strictly. Keys it does not know are
// refused on sight ("user" for "users" would otherwise quietly run the default load), and
// so are values of the wrong type or out of range. Absent keys give nothing, so the caller
// keeps its default. Problems are thrown as Refusal, which PlanJson::read returns.
class PlanFields {
public:
    using Keys = std::initializer_list<std::string_view>;
    struct Refusal {
        PlanError error;
    };

    PlanFields(const QJsonValue& value, std::string path, Keys known);

    QJsonValue value(std::string_view key) const;
    std::string path(std::string_view key) const; // "request" + "url" -> "request.url"
    void require(std::string_view key) const;

    std::optional<std::string> string(std::string_view key) const;
    std::optional<bool> boolean(std::string_view key) const;
    std::optional<double> number(std::string_view key, const NumberRange& range) const;
    std::optional<std::chrono::milliseconds> milliseconds(std::string_view key,
                                                          const NumberRange& range) const;
    // Written in seconds, decimals allowed, kept to the nearest millisecond.
    std::optional<std::chrono::milliseconds> seconds(std::string_view key,
                                                     const NumberRange& range) const;
    std::optional<PlanFields> object(std::string_view key, Keys known) const;
    std::optional<QJsonArray> array(std::string_view key) const;

    [[noreturn]] static void refuse(std::string field, std::string message);
    // A value as the file has it, so a message quotes what the person wrote: "abc", 2.5, null.
    static std::string shown(const QJsonValue& value);
    static std::string element(std::string_view path, qsizetype index); // "load.stages[2]"

private:
    [[noreturn]] void refuseUnknown(const std::string& key, Keys known) const;

    QJsonObject object_;
    std::string path_;
};

} // namespace stampede
