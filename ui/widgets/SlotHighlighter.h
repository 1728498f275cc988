#pragma once

#include <QSyntaxHighlighter>

namespace stampede {

// Marks every {{slot}} of a text editor's document, so a body's variables stand out from
// the literal text around them.
class SlotHighlighter : public QSyntaxHighlighter {
    Q_OBJECT
public:
    explicit SlotHighlighter(QTextDocument* document);

protected:
    void highlightBlock(const QString& text) override;
};

} // namespace stampede
