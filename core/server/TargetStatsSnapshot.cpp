#include "core/server/TargetStatsSnapshot.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace stampede {

std::uint64_t TargetStatsSnapshot::count(Endpoint endpoint) const {
    std::uint64_t total = 0;
    for (const Row& row : rows)
        if (row.endpoint == endpoint)
            total += row.count;
    return total;
}

std::uint64_t TargetStatsSnapshot::count(Endpoint endpoint, int status) const {
    for (const Row& row : rows)
        if (row.endpoint == endpoint && row.status == status)
            return row.count;
    return 0;
}

std::string TargetStatsSnapshot::toJson() const {
    QJsonObject endpoints;
    for (const Row& row : rows) {
        const QString name = QString::fromUtf8(endpointName(row.endpoint));
        QJsonObject entry = endpoints.value(name).toObject();
        QJsonObject byStatus = entry.value(QStringLiteral("status")).toObject();
        byStatus.insert(row.status == 0 ? QStringLiteral("none") : QString::number(row.status),
                        static_cast<qint64>(row.count));
        entry.insert(QStringLiteral("status"), byStatus);
        entry.insert(QStringLiteral("requests"),
                     entry.value(QStringLiteral("requests")).toInteger() +
                         static_cast<qint64>(row.count));
        endpoints.insert(name, entry);
    }
    const QJsonObject root{
        {QStringLiteral("requests"), static_cast<qint64>(requests)},
        {QStringLiteral("connections"),
         QJsonObject{{QStringLiteral("accepted"), static_cast<qint64>(connectionsAccepted)},
                     {QStringLiteral("open"), static_cast<qint64>(connectionsOpen)}}},
        {QStringLiteral("endpoints"), endpoints},
    };
    return QJsonDocument(root).toJson(QJsonDocument::Indented).toStdString();
}

} // namespace stampede
