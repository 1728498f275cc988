#pragma once

#include <QBrush>

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
    static QBrush problemBrush() { return QColor(0xfd, 0xe2, 0xe0); }
};

} // namespace stampede
