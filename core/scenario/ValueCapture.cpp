#include "core/scenario/ValueCapture.h"

#include "core/text/AsciiText.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cctype>
#include <cmath>

namespace stampede {
namespace {

// RFC 6901: "~1" is "/", "~0" is "~".
std::optional<std::string> unescapedPointerToken(std::string_view token) {
    std::string out;
    for (std::size_t i = 0; i < token.size(); ++i) {
        if (token[i] != '~') {
            out += token[i];
            continue;
        }
        if (i + 1 == token.size() || (token[i + 1] != '0' && token[i + 1] != '1'))
            return std::nullopt;
        out += token[++i] == '1' ? '/' : '~';
    }
    return out;
}

bool allDigits(std::string_view s) {
    return !s.empty() && s.size() < 10 && std::all_of(s.begin(), s.end(), [](char c) {
        return std::isdigit(static_cast<unsigned char>(c));
    });
}

std::string jsonText(const QJsonValue& value) {
    switch (value.type()) {
    case QJsonValue::String:
        return value.toString().toStdString();
    case QJsonValue::Bool:
        return value.toBool() ? "true" : "false";
    case QJsonValue::Double: {
        const double d = value.toDouble();
        if (std::trunc(d) == d && std::abs(d) < 9.007199254740992e15)
            return std::to_string(static_cast<long long>(d));
        return QByteArray::number(d, 'g', 17).toStdString();
    }
    case QJsonValue::Array:
        return QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact).toStdString();
    case QJsonValue::Object:
        return QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact).toStdString();
    default:
        return {};
    }
}

} // namespace

std::variant<std::vector<ValueCapture::Step>, std::string>
ValueCapture::jsonPath(std::string_view expression) {
    std::vector<Step> path;
    if (expression.empty() || expression == "/")
        return expression.empty() ? path : std::vector<Step>{Step{}};
    if (expression.front() == '/') {
        std::size_t at = 1;
        for (;;) {
            const auto end = expression.find('/', at);
            const auto token =
                expression.substr(at, end == std::string_view::npos ? end : end - at);
            const auto key = unescapedPointerToken(token);
            if (!key)
                return "a JSON pointer escapes only ~0 and ~1, as in /a~1b";
            Step step;
            step.key = *key;
            if (allDigits(*key) && (key->size() == 1 || key->front() != '0'))
                step.index = std::stoll(*key); // a member of that name still matches objects
            path.push_back(std::move(step));
            if (end == std::string_view::npos)
                return path;
            at = end + 1;
        }
    }
    if (expression.front() != '$')
        return "must be a JSON pointer (/id, /items/0/id) or a path ($.id, $.items[0].id)";
    std::size_t at = 1;
    while (at < expression.size()) {
        const char c = expression[at];
        if (c == '.') {
            const auto end = expression.find_first_of(".[", at + 1);
            const auto name =
                expression.substr(at + 1, end == std::string_view::npos ? end : end - at - 1);
            if (name.empty())
                return "an empty member name at character " + std::to_string(at + 1);
            path.push_back({std::string(name), -1});
            at = end == std::string_view::npos ? expression.size() : end;
        } else if (c == '[') {
            const auto end = expression.find(']', at);
            if (end == std::string_view::npos)
                return "unclosed [ at character " + std::to_string(at + 1);
            auto inside = expression.substr(at + 1, end - at - 1);
            if (inside.size() >= 2 && (inside.front() == '\'' || inside.front() == '"') &&
                inside.back() == inside.front()) {
                path.push_back({std::string(inside.substr(1, inside.size() - 2)), -1});
            } else if (allDigits(inside)) {
                path.push_back({std::string(inside), std::stoll(std::string(inside))});
            } else {
                return "[" + std::string(inside) + "] at character " + std::to_string(at + 1) +
                       " is neither an index like [0] nor a name like ['id']";
            }
            at = end + 1;
        } else {
            return "expected . or [ at character " + std::to_string(at + 1);
        }
    }
    return path;
}

std::variant<ValueCapture, std::string> ValueCapture::compile(From from,
                                                              std::string_view expression) {
    ValueCapture capture;
    capture.from_ = from;
    switch (from) {
    case From::Json: {
        auto path = jsonPath(expression);
        if (auto* error = std::get_if<std::string>(&path))
            return std::move(*error);
        capture.path_ = std::get<std::vector<Step>>(std::move(path));
        break;
    }
    case From::Header:
        if (expression.empty())
            return std::string("needs a header name");
        capture.header_ = std::string(expression);
        break;
    case From::Regex:
        capture.regex_.setPattern(
            QString::fromUtf8(expression.data(), qsizetype(expression.size())));
        if (!capture.regex_.isValid())
            return "not a valid regular expression: " + capture.regex_.errorString().toStdString() +
                   " at character " + std::to_string(capture.regex_.patternErrorOffset() + 1);
        if (expression.empty())
            return std::string("needs a regular expression");
        capture.regex_.optimize();
        break;
    }
    return capture;
}

std::optional<std::string> ValueCapture::takeJson(std::string_view body) const {
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(
        QByteArray::fromRawData(body.data(), qsizetype(body.size())), &error);
    if (error.error != QJsonParseError::NoError)
        return std::nullopt;
    QJsonValue value =
        document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object());
    for (const Step& step : path_) {
        if (value.isArray() && step.index >= 0) {
            const QJsonArray array = value.toArray();
            if (step.index >= array.size())
                return std::nullopt;
            value = array.at(qsizetype(step.index));
        } else if (value.isObject()) {
            const QJsonObject object = value.toObject();
            const auto member = object.constFind(QString::fromStdString(step.key));
            if (member == object.constEnd())
                return std::nullopt;
            value = *member;
        } else {
            return std::nullopt;
        }
    }
    if (value.isNull() || value.isUndefined())
        return std::nullopt;
    return jsonText(value);
}

std::optional<std::string> ValueCapture::take(const ResponseView& response) const {
    switch (from_) {
    case From::Json:
        return takeJson(response.body);
    case From::Header:
        if (response.headers)
            for (const auto& [name, value] : *response.headers)
                if (equalsIgnoringCase(name, header_))
                    return value;
        return std::nullopt;
    case From::Regex: {
        const auto match =
            regex_.match(QString::fromUtf8(response.body.data(), qsizetype(response.body.size())));
        if (!match.hasMatch())
            return std::nullopt;
        return match.captured(regex_.captureCount() > 0 ? 1 : 0).toStdString();
    }
    }
    return std::nullopt;
}

} // namespace stampede
