#pragma once

#include <QBrush>
#include <QList>

class QTableWidget;
class QToolButton;
class QWidget;

namespace stampede {

// The look shared by the form's small list tables: a few rows tall, columns filling the
// width, whole-row selection, and one colour for a cell with a problem.
class CompactTable {
public:
    static void setUp(QTableWidget* table, int visibleRows);
    // Lays `table` out in `owner` with a column of "+" and "−" buttons beside it.
    static void layOutWithButtons(QWidget* owner, QTableWidget* table, QToolButton* add,
                                  QToolButton* remove);
    // The same with any column of buttons, labelled by their owner.
    static void layOutWithButtons(QWidget* owner, QTableWidget* table,
                                  const QList<QToolButton*>& buttons);
    static QBrush problemBrush() { return QColor(0xfd, 0xe2, 0xe0); }
};

} // namespace stampede
