#include "ui/widgets/SlotHighlighter.h"

#include "ui/widgets/TemplateSlots.h"

namespace stampede {

SlotHighlighter::SlotHighlighter(QTextDocument* document)
    : QSyntaxHighlighter(document) {}

void SlotHighlighter::highlightBlock(const QString& text) {
    const QTextCharFormat format = templateSlotFormat();
    auto matches = templateSlotPattern().globalMatch(text);
    while (matches.hasNext()) {
        const auto match = matches.next();
        setFormat(int(match.capturedStart()), int(match.capturedLength()), format);
    }
}

} // namespace stampede
