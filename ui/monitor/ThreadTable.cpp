#include "ui/monitor/ThreadTable.h"

#include "core/monitor/ThreadState.h"

#include <QEvent>
#include <QHeaderView>

namespace stampede {

ThreadTable::ThreadTable(QWidget* parent)
    : QTableWidget(0, ColumnCount, parent) {
    setObjectName(QStringLiteral("threadTable"));
    setHorizontalHeaderLabels({tr("Thread"), tr("State"), tr("CPU %"), tr("Core")});
    horizontalHeaderItem(Cpu)->setToolTip(tr("Share of one core over the last sampling period"));
    horizontalHeaderItem(Core)->setToolTip(tr("The core the thread last ran on"));
    horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    horizontalHeader()->setSectionResizeMode(Name, QHeaderView::Stretch);
    verticalHeader()->hide();
    setAlternatingRowColors(true);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setFocusPolicy(Qt::NoFocus);
    fitRowsToFont();
}

void ThreadTable::showThreads(const std::vector<ThreadSample>& threads) {
    // Rows are reused rather than rebuilt, so the table does not flicker twice a second.
    setRowCount(int(threads.size()));
    constexpr auto left = Qt::AlignLeft | Qt::AlignVCenter;
    constexpr auto right = Qt::AlignRight | Qt::AlignVCenter;
    for (int row = 0; row < rowCount(); ++row) {
        const ThreadSample& thread = threads[std::size_t(row)];
        const QString name = QString::fromStdString(thread.name);
        setCell(row, Name, name.isEmpty() ? tr("(no name)") : name, left);
        item(row, Name)->setToolTip(tr("Thread id %1, as in top -H").arg(thread.id));
        setCell(row, State, QString::fromStdString(describeThreadState(thread.state)), left);
        setCell(row, Cpu, QString::number(thread.cpuPercent, 'f', 1), right);
        setCell(row, Core, thread.processor >= 0 ? QString::number(thread.processor) : QString(),
                right);
    }
}

void ThreadTable::changeEvent(QEvent* event) {
    QTableWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        fitRowsToFont(); // presentation mode: rows grow with the text
}

void ThreadTable::fitRowsToFont() {
    verticalHeader()->setMinimumSectionSize(fontMetrics().height() + 4);
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
}

void ThreadTable::setCell(int row, int column, const QString& text, Qt::Alignment alignment) {
    QTableWidgetItem* cell = item(row, column);
    if (!cell) {
        cell = new QTableWidgetItem;
        cell->setTextAlignment(alignment);
        setItem(row, column, cell);
    }
    if (cell->text() != text)
        cell->setText(text);
}

} // namespace stampede
