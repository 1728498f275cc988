#include "ui/loadtest/form/HeadersEditor.h"

#include "ui/widgets/CompactTable.h"
#include "ui/widgets/SlotDelegate.h"

#include <QHeaderView>
#include <QSignalBlocker>
#include <QTableWidget>
#include <QToolButton>

namespace stampede {

HeadersEditor::HeadersEditor(QWidget* parent)
    : QWidget(parent)
    , table_(new QTableWidget(0, 2, this))
    , add_(new QToolButton(this))
    , remove_(new QToolButton(this)) {
    table_->setObjectName("headers");
    table_->setHorizontalHeaderLabels({tr("Name"), tr("Value")});
    table_->setToolTip(tr("Extra lines sent with every request, such as Authorization or "
                          "Accept; a value may hold {{variables}}. Double-click a cell to edit "
                          "it."));
    CompactTable::setUp(table_, 3);
    table_->setItemDelegateForColumn(1, new SlotDelegate(table_));
    add_->setObjectName("addHeader");
    add_->setToolTip(tr("Add a header"));
    remove_->setObjectName("removeHeader");
    remove_->setToolTip(tr("Remove the selected header"));
    CompactTable::layOutWithButtons(this, table_, add_, remove_);

    connect(add_, &QToolButton::clicked, this, &HeadersEditor::addRow);
    connect(remove_, &QToolButton::clicked, this, &HeadersEditor::removeRow);
    connect(table_, &QTableWidget::itemChanged, this, &HeadersEditor::changed);
}

std::vector<HttpHeader> HeadersEditor::headers() const {
    std::vector<HttpHeader> result;
    for (int row = 0; row < table_->rowCount(); ++row) {
        if (isBlank(row))
            continue;
        const auto text = [&](int column) {
            const QTableWidgetItem* item = table_->item(row, column);
            return item ? item->text().toStdString() : std::string();
        };
        result.push_back({text(0), text(1)});
    }
    return result;
}

void HeadersEditor::setHeaders(const std::vector<HttpHeader>& headers) {
    const QSignalBlocker blocker(table_);
    table_->setRowCount(0);
    for (const HttpHeader& header : headers) {
        const int row = table_->rowCount();
        table_->insertRow(row);
        table_->setItem(row, 0, new QTableWidgetItem(QString::fromStdString(header.name)));
        table_->setItem(row, 1, new QTableWidgetItem(QString::fromStdString(header.value)));
    }
}

void HeadersEditor::markCell(int index, const QString& key) {
    const QSignalBlocker blocker(table_);
    for (int row = 0, header = 0; row < table_->rowCount(); ++row) {
        const bool marked = !isBlank(row) && header++ == index;
        for (int column = 0; column < 2; ++column) {
            if (!table_->item(row, column))
                table_->setItem(row, column, new QTableWidgetItem);
            const bool cell = marked && (column == 0) == (key == "name");
            table_->item(row, column)
                ->setBackground(cell ? CompactTable::problemBrush() : QBrush());
        }
    }
}

void HeadersEditor::addRow() {
    const int row = table_->rowCount();
    {
        const QSignalBlocker blocker(table_);
        table_->insertRow(row);
        table_->setItem(row, 0, new QTableWidgetItem);
        table_->setItem(row, 1, new QTableWidgetItem);
    }
    table_->setCurrentCell(row, 0);
    table_->setFocus();
    table_->editItem(table_->item(row, 0));
}

void HeadersEditor::removeRow() {
    const int row = table_->currentRow() >= 0 ? table_->currentRow() : table_->rowCount() - 1;
    if (row < 0)
        return;
    const bool wasHeader = !isBlank(row);
    table_->removeRow(row);
    if (wasHeader)
        emit changed();
}

bool HeadersEditor::isBlank(int row) const {
    for (int column = 0; column < 2; ++column) {
        const QTableWidgetItem* item = table_->item(row, column);
        if (item && !item->text().isEmpty())
            return false;
    }
    return true;
}

} // namespace stampede
