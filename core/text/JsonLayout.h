#pragma once

#include <QByteArray>
#include <QJsonValue>

#include <string_view>
#include <utility>
#include <vector>

namespace stampede {

// JSON text laid out by hand for files people read and edit: keys stay in the order given
// (QJsonObject sorts them), four spaces per level, small records on one line each.
using JsonMembers = std::vector<std::pair<std::string_view, QByteArray>>;

QByteArray jsonValue(const QJsonValue& value); // one scalar, escaped, compact
QByteArray jsonObject(const JsonMembers& members, int depth);
QByteArray jsonArray(const std::vector<QByteArray>& items, int depth);
QByteArray jsonInlineObject(const JsonMembers& members); // {"name": "Accept", "value": "*/*"}

} // namespace stampede
