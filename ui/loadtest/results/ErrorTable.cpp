#include "ui/loadtest/results/ErrorTable.h"

#include <QHeaderView>

namespace stampede {

ErrorTable::ErrorTable(QWidget* parent)
    : QTableWidget(0, 4, parent) {
    setObjectName("errors");
    setHorizontalHeaderLabels({tr("Error"), tr("Requests"), tr("Share"), tr("First message")});
    horizontalHeaderItem(0)->setToolTip(
        tr("Transport failures (refused, reset, timeout, TLS, DNS…) and responses with a status "
           "of 400 or more."));
    horizontalHeaderItem(3)->setToolTip(tr("The first failure of this kind, as the HTTP "
                                           "library worded it."));
    horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    horizontalHeader()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    horizontalHeader()->setSectionResizeMode(3, QHeaderView::Stretch);
    verticalHeader()->hide();
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    setEditTriggers(NoEditTriggers);
    setAlternatingRowColors(true);
    setWordWrap(false);
}

void ErrorTable::show(const std::array<ErrorSummary, kErrorClassCount>& errors,
                      std::uint64_t requests) {
    int rows = 0;
    for (const ErrorSummary& summary : errors)
        rows += summary.count > 0;
    setRowCount(rows);
    int row = 0;
    for (std::size_t i = 0; i < errors.size(); ++i) {
        const ErrorSummary& summary = errors[i];
        if (summary.count == 0)
            continue;
        const auto name = errorClassName(static_cast<ErrorClass>(i));
        setItem(row, 0,
                new QTableWidgetItem(
                    QString::fromUtf8(name.data(), qsizetype(name.size())).replace('_', ' ')));
        auto* count = new QTableWidgetItem(QString::number(summary.count));
        count->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        setItem(row, 1, count);
        const double share = requests ? 100.0 * double(summary.count) / double(requests) : 0.0;
        auto* shareItem = new QTableWidgetItem(QString::number(share, 'f', 2) + " %");
        shareItem->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        setItem(row, 2, shareItem);
        auto* message = new QTableWidgetItem(QString::fromStdString(summary.firstMessage));
        message->setToolTip(message->text()); // long messages are cut in the cell
        setItem(row, 3, message);
        ++row;
    }
}

void ErrorTable::clearValues() {
    setRowCount(0);
}

} // namespace stampede
