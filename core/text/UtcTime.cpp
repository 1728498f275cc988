#include "core/text/UtcTime.h"

#include "core/text/ParseNumber.h"

#include <QDateTime>
#include <QRegularExpression>

#include <cmath>

namespace stampede {

using SysClock = std::chrono::system_clock;

QString utcText(SysClock::time_point t, bool withMs) {
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch());
    return QDateTime::fromMSecsSinceEpoch(ms.count(), Qt::UTC)
        .toString(withMs ? Qt::ISODateWithMs : Qt::ISODate);
}

std::optional<SysClock::time_point> parseUtcTime(std::string_view text) {
    if (const auto seconds = parseDecimal(text, 0, 1e11))
        return SysClock::time_point(std::chrono::milliseconds(std::llround(*seconds * 1000)));
    const QString written = QString::fromUtf8(text.data(), qsizetype(text.size()));
    static const QRegularExpression zoned(QStringLiteral("(Z|[+-]\\d\\d:?\\d\\d)$"));
    if (!zoned.match(written).hasMatch())
        return std::nullopt;
    const QDateTime t = QDateTime::fromString(written, Qt::ISODateWithMs);
    if (!t.isValid())
        return std::nullopt;
    return SysClock::time_point(std::chrono::milliseconds(t.toMSecsSinceEpoch()));
}

} // namespace stampede
