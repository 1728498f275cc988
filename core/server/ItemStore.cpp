#include "core/server/ItemStore.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace stampede {

namespace {

// The body as a JSON object, or why it is not one.
std::variant<QJsonObject, ItemStore::Refusal> parsedObject(std::string_view body) {
    if (body.size() > ItemStore::kMaxItemBytes)
        return ItemStore::Refusal{413, "an item may hold at most " +
                                           std::to_string(ItemStore::kMaxItemBytes) +
                                           " bytes of JSON"};
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(
        QByteArray::fromRawData(body.data(), qsizetype(body.size())), &error);
    if (error.error != QJsonParseError::NoError)
        return ItemStore::Refusal{
            400, "the body must be a JSON object: " + error.errorString().toStdString() +
                     " at offset " + std::to_string(error.offset)};
    if (!document.isObject())
        return ItemStore::Refusal{400, "the body must be a JSON object, like {\"title\": \"…\"}"};
    return document.object();
}

std::string withId(QJsonObject object, std::uint64_t id) {
    object.insert(QStringLiteral("id"), qint64(id));
    return QJsonDocument(object).toJson(QJsonDocument::Compact).toStdString();
}

} // namespace

// Bodies are parsed before the lock is taken: the store is shared by every worker of a sync
// server, and only the insertion needs to be one at a time.
std::variant<ItemStore::Created, ItemStore::Refusal> ItemStore::create(std::string_view body) {
    auto object = parsedObject(body);
    if (auto* refusal = std::get_if<Refusal>(&object))
        return std::move(*refusal);
    const std::lock_guard lock(mutex_);
    if (items_.size() >= kMaxItems)
        return Refusal{507, "the store is full (" + std::to_string(kMaxItems) +
                                " items); DELETE some first"};
    ++lastId_;
    const auto& stored =
        items_.emplace(lastId_, withId(std::get<QJsonObject>(std::move(object)), lastId_))
            .first->second;
    return Created{lastId_, stored};
}

ItemStore::Result ItemStore::replace(std::uint64_t id, std::string_view body) {
    auto object = parsedObject(body);
    if (auto* refusal = std::get_if<Refusal>(&object))
        return std::move(*refusal);
    std::string json = withId(std::get<QJsonObject>(std::move(object)), id);
    const std::lock_guard lock(mutex_);
    const auto it = items_.find(id);
    if (it == items_.end())
        return Refusal{404, "no item " + std::to_string(id)};
    it->second = json;
    return json;
}

std::optional<std::string> ItemStore::find(std::uint64_t id) const {
    const std::lock_guard lock(mutex_);
    const auto it = items_.find(id);
    if (it == items_.end())
        return std::nullopt;
    return it->second;
}

bool ItemStore::remove(std::uint64_t id) {
    const std::lock_guard lock(mutex_);
    return items_.erase(id) > 0;
}

std::string ItemStore::listJson() const {
    const std::lock_guard lock(mutex_);
    std::string out = "[";
    for (const auto& [id, json] : items_) {
        if (out.size() > 1)
            out += ',';
        out += json;
    }
    out += ']';
    return out;
}

std::size_t ItemStore::size() const {
    const std::lock_guard lock(mutex_);
    return items_.size();
}

} // namespace stampede
