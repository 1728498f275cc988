#pragma once

#include <QStyledItemDelegate>

namespace stampede {

// Draws a table cell's text with its {{slots}} marked as the body editor marks them; editing
// is the plain editor's.
class SlotDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
};

} // namespace stampede
