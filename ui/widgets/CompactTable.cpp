#include "ui/widgets/CompactTable.h"

#include <QBoxLayout>
#include <QHeaderView>
#include <QTableWidget>
#include <QToolButton>

namespace stampede {

void CompactTable::setUp(QTableWidget* table, int visibleRows) {
    table->verticalHeader()->hide();
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    table->horizontalHeader()->setHighlightSections(false);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                           QAbstractItemView::AnyKeyPressed);
    table->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    const int rowHeight = table->fontMetrics().height() + 10;
    table->verticalHeader()->setDefaultSectionSize(rowHeight);
    table->verticalHeader()->setMinimumSectionSize(rowHeight);
    // Room for the header and a few rows; more scroll, so the form keeps its height.
    table->setFixedHeight(table->horizontalHeader()->sizeHint().height() + visibleRows * rowHeight +
                          2 * table->frameWidth() + 2);
}

void CompactTable::layOutWithButtons(QWidget* owner, QTableWidget* table, QToolButton* add,
                                     QToolButton* remove) {
    add->setText("+");
    remove->setText("−");
    layOutWithButtons(owner, table, {add, remove});
}

void CompactTable::layOutWithButtons(QWidget* owner, QTableWidget* table,
                                     const QList<QToolButton*>& column) {
    auto* buttons = new QVBoxLayout;
    for (QToolButton* button : column)
        buttons->addWidget(button);
    buttons->addStretch();
    auto* layout = new QHBoxLayout(owner);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(table, 1);
    layout->addLayout(buttons);
    owner->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
}

} // namespace stampede
