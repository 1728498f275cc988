#pragma once

#include <QBrush>

class QTableWidget;

namespace stampede {

// The look shared by the form's small list tables: a few rows tall, columns filling the
// width, whole-row selection, and one colour for a cell with a problem.
class CompactTable {
public:
    static void setUp(QTableWidget* table, int visibleRows);
    static QBrush problemBrush() { return QColor(0xfd, 0xe2, 0xe0); }
};

} // namespace stampede
