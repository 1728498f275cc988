#include "ui/loadtest/form/CapturesEditor.h"

#include "ui/widgets/CompactTable.h"
#include "ui/widgets/WheelGuard.h"

#include <QComboBox>
#include <QHeaderView>
#include <QSignalBlocker>
#include <QTableWidget>
#include <QToolButton>

namespace stampede {
namespace {

enum Column { From, Expression, As };

// In Capture::From's order.
QStringList kindNames() {
    return {CapturesEditor::tr("JSON"), CapturesEditor::tr("header"), CapturesEditor::tr("regex")};
}

} // namespace

CapturesEditor::CapturesEditor(QWidget* parent)
    : QWidget(parent)
    , table_(new QTableWidget(0, 3, this))
    , add_(new QToolButton(this))
    , remove_(new QToolButton(this)) {
    table_->setObjectName("captures");
    table_->setHorizontalHeaderLabels({tr("From"), tr("Expression"), tr("As variable")});
    table_->setToolTip(tr("Values this step takes from its response for the steps after it: "
                          "from the JSON body by a pointer (/id) or path ($.items[0].id), from a "
                          "response header by name, or by a regular expression over the body "
                          "(its first group). Later steps use them as {{variable}}; a capture "
                          "that finds nothing fails the iteration."));
    CompactTable::setUp(table_, 2);
    // The column fits its combo boxes, which the header cannot measure as it does text.
    QComboBox probe;
    probe.addItems(kindNames());
    table_->horizontalHeader()->setSectionResizeMode(From, QHeaderView::Fixed);
    table_->horizontalHeader()->resizeSection(From, probe.sizeHint().width());
    add_->setObjectName("addCapture");
    add_->setToolTip(tr("Add a capture"));
    remove_->setObjectName("removeCapture");
    remove_->setToolTip(tr("Remove the selected capture"));
    CompactTable::layOutWithButtons(this, table_, add_, remove_);

    connect(add_, &QToolButton::clicked, this, &CapturesEditor::addRow);
    connect(remove_, &QToolButton::clicked, this, &CapturesEditor::removeRow);
    connect(table_, &QTableWidget::itemChanged, this, &CapturesEditor::changed);
}

std::vector<Capture> CapturesEditor::captures() const {
    std::vector<Capture> result;
    for (int row = 0; row < table_->rowCount(); ++row)
        if (!isBlank(row))
            result.push_back({static_cast<Capture::From>(fromBox(row)->currentIndex()),
                              text(row, Expression).toStdString(), text(row, As).toStdString()});
    return result;
}

void CapturesEditor::setCaptures(const std::vector<Capture>& captures) {
    const QSignalBlocker blocker(this);
    const QSignalBlocker tableBlocker(table_);
    table_->setRowCount(0);
    for (const Capture& capture : captures)
        appendRow(capture);
}

void CapturesEditor::markCell(int index, const QString& key) {
    const QSignalBlocker blocker(table_);
    for (int row = 0, capture = 0; row < table_->rowCount(); ++row) {
        const bool marked = !isBlank(row) && capture++ == index;
        for (int column : {Expression, As}) {
            const bool cell = marked && (column == As) == (key == "as");
            table_->item(row, column)
                ->setBackground(cell ? CompactTable::problemBrush() : QBrush());
        }
    }
}

void CapturesEditor::appendRow(const Capture& capture) {
    const int row = table_->rowCount();
    const QSignalBlocker blocker(table_);
    table_->insertRow(row);
    auto* from = new QComboBox(table_);
    from->addItems(kindNames());
    from->setCurrentIndex(static_cast<int>(capture.from));
    from->setFrame(false);
    from->setToolTip(tr("Where the value is found: the JSON body, a response header, or the "
                        "first match of a regular expression over the body."));
    WheelGuard::protect(from);
    table_->setCellWidget(row, From, from);
    table_->setItem(row, Expression,
                    new QTableWidgetItem(QString::fromStdString(capture.expression)));
    table_->setItem(row, As, new QTableWidgetItem(QString::fromStdString(capture.as)));
    connect(from, &QComboBox::currentIndexChanged, this, [this, from] {
        // A kind chosen for a row still blank is no capture yet.
        for (int r = 0; r < table_->rowCount(); ++r)
            if (fromBox(r) == from && !isBlank(r))
                emit changed();
    });
}

void CapturesEditor::addRow() {
    appendRow({});
    const int row = table_->rowCount() - 1;
    table_->setCurrentCell(row, Expression);
    table_->setFocus();
    table_->editItem(table_->item(row, Expression));
}

void CapturesEditor::removeRow() {
    const int row = table_->currentRow() >= 0 ? table_->currentRow() : table_->rowCount() - 1;
    if (row < 0)
        return;
    const bool wasCapture = !isBlank(row);
    table_->removeRow(row);
    if (wasCapture)
        emit changed();
}

bool CapturesEditor::isBlank(int row) const {
    return text(row, Expression).isEmpty() && text(row, As).isEmpty();
}

QComboBox* CapturesEditor::fromBox(int row) const {
    return static_cast<QComboBox*>(table_->cellWidget(row, From));
}

QString CapturesEditor::text(int row, int column) const {
    const QTableWidgetItem* item = table_->item(row, column);
    return item ? item->text() : QString();
}

} // namespace stampede
