#include "ui/widgets/TemplateSlots.h"

#include <QColor>

namespace stampede {

const QRegularExpression& templateSlotPattern() {
    static const QRegularExpression pattern(QStringLiteral("\\{\\{\\s*([^{}]*?)\\s*\\}\\}"));
    return pattern;
}

QStringList templateSlots(const QStringList& texts) {
    QStringList found;
    for (const QString& text : texts) {
        auto matches = templateSlotPattern().globalMatch(text);
        while (matches.hasNext()) {
            const QString slot = "{{" + matches.next().captured(1) + "}}";
            if (!found.contains(slot))
                found << slot;
        }
    }
    return found;
}

QTextCharFormat templateSlotFormat() {
    QTextCharFormat format;
    format.setForeground(QColor(0x1d, 0x4e, 0xd8));
    format.setBackground(QColor(0xdb, 0xea, 0xfe));
    format.setFontWeight(QFont::DemiBold);
    return format;
}

} // namespace stampede
