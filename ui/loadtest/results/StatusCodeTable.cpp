#include "ui/loadtest/results/StatusCodeTable.h"

#include <QHeaderView>

namespace stampede {

namespace {

QTableWidgetItem* numberItem(const QString& text) {
    auto* item = new QTableWidgetItem(text);
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

QColor familyColour(int status) {
    if (status >= 500)
        return QColor(0xd6, 0x27, 0x28);
    if (status >= 400)
        return QColor(0xc0, 0x60, 0x00);
    return QColor(0x2e, 0x7d, 0x32);
}

} // namespace

StatusCodeTable::StatusCodeTable(QWidget* parent)
    : QTableWidget(0, 3, parent) {
    setObjectName("statusCodes");
    setHorizontalHeaderLabels({tr("Status"), tr("Responses"), tr("Share")});
    horizontalHeaderItem(0)->setToolTip(
        tr("The HTTP status code the server answered with: 2xx success, 3xx redirect, 4xx the "
           "request was refused, 5xx the server failed."));
    horizontalHeaderItem(2)->setToolTip(tr("Of all requests, including those that failed "
                                           "before any response came."));
    horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    verticalHeader()->hide();
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    setEditTriggers(NoEditTriggers);
    setAlternatingRowColors(true);
}

void StatusCodeTable::show(const std::map<int, std::uint64_t>& counts, std::uint64_t requests) {
    setRowCount(int(counts.size()));
    int row = 0;
    for (const auto& [status, count] : counts) {
        auto* code = new QTableWidgetItem(QString::number(status));
        code->setForeground(familyColour(status));
        setItem(row, 0, code);
        setItem(row, 1, numberItem(QString::number(count)));
        const double share = requests ? 100.0 * double(count) / double(requests) : 0.0;
        setItem(row, 2, numberItem(QString::number(share, 'f', 2) + " %"));
        ++row;
    }
}

void StatusCodeTable::clearValues() {
    setRowCount(0);
}

} // namespace stampede
