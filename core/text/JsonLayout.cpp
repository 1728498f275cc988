#include "core/text/JsonLayout.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace stampede {
namespace {

QByteArray indent(int depth) {
    return QByteArray(depth * 4, ' ');
}

QByteArray member(std::string_view key, const QByteArray& value) {
    return '"' + QByteArray(key.data(), qsizetype(key.size())) + "\": " + value;
}

QByteArray block(char open, const std::vector<QByteArray>& items, char close, int depth) {
    if (items.empty())
        return QByteArray(1, open) + close;
    QByteArray out = QByteArray(1, open) + '\n';
    for (std::size_t i = 0; i < items.size(); ++i)
        out += indent(depth + 1) + items[i] + (i + 1 < items.size() ? ",\n" : "\n");
    return out + indent(depth) + close;
}

} // namespace

QByteArray jsonValue(const QJsonValue& value) {
    // Qt escapes and formats only whole documents: wrap the value in an array, then unwrap.
    const QByteArray text = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return text.mid(1, text.size() - 2);
}

QByteArray jsonObject(const JsonMembers& members, int depth) {
    std::vector<QByteArray> items;
    for (const auto& [key, value] : members)
        items.push_back(member(key, value));
    return block('{', items, '}', depth);
}

QByteArray jsonArray(const std::vector<QByteArray>& items, int depth) {
    return block('[', items, ']', depth);
}

QByteArray jsonInlineObject(const JsonMembers& members) {
    QByteArray out = "{";
    for (const auto& [key, value] : members)
        out += (out.size() > 1 ? ", " : "") + member(key, value);
    return out + "}";
}

} // namespace stampede
