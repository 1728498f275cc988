#include "ui/widgets/SlotDelegate.h"

#include "ui/widgets/TemplateSlots.h"

#include <QApplication>
#include <QPainter>

namespace stampede {

void SlotDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                         const QModelIndex& index) const {
    QStyleOptionViewItem item = option;
    initStyleOption(&item, index);
    const QString text = item.text;
    if (!templateSlotPattern().match(text).hasMatch()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    // The cell without its text, then the text piece by piece, slots on their own colour.
    item.text.clear();
    const QStyle* style = item.widget ? item.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &item, painter, item.widget);
    const QRect area = style->subElementRect(QStyle::SE_ItemViewItemText, &item, item.widget)
                           .adjusted(2, 0, -2, 0);
    const QTextCharFormat slot = templateSlotFormat();
    const bool selected = item.state & QStyle::State_Selected;
    QFont bold = item.font;
    bold.setWeight(slot.font().weight());
    painter->save();
    painter->setClipRect(area);
    int x = area.left();
    qsizetype at = 0;
    const auto draw = [&](const QString& piece, bool isSlot) {
        const QFontMetrics metrics(isSlot ? bold : item.font);
        const int width = metrics.horizontalAdvance(piece);
        const QRect box(x, area.top(), width, area.height());
        if (isSlot && !selected)
            painter->fillRect(box.adjusted(0, 3, 0, -3), slot.background());
        painter->setFont(isSlot ? bold : item.font);
        painter->setPen(selected ? item.palette.color(QPalette::HighlightedText)
                        : isSlot ? slot.foreground().color()
                                 : item.palette.color(QPalette::Text));
        painter->drawText(box, Qt::AlignVCenter | Qt::AlignLeft | Qt::TextSingleLine, piece);
        x += width;
    };
    auto matches = templateSlotPattern().globalMatch(text);
    while (matches.hasNext() && x < area.right()) {
        const auto match = matches.next();
        draw(text.mid(at, match.capturedStart() - at), false);
        draw(match.captured(0), true);
        at = match.capturedEnd();
    }
    if (at < text.size() && x < area.right())
        draw(text.mid(at), false);
    painter->restore();
}

} // namespace stampede
