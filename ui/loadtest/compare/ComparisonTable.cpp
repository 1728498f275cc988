#include "ui/loadtest/compare/ComparisonTable.h"

#include "core/report/ComparisonText.h"
#include "core/report/RunComparison.h"

#include <QHeaderView>

namespace stampede {

ComparisonTable::ComparisonTable(QWidget* parent)
    : QTableWidget(parent) {
    setObjectName("comparisonTable");
    verticalHeader()->hide();
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    setEditTriggers(NoEditTriggers);
    setAlternatingRowColors(true);
    setWordWrap(false);
}

void ComparisonTable::setComparison(const RunComparison& comparison) {
    clear();
    const int runs = int(comparison.names.size());
    QStringList headers{tr("Figure")};
    for (int i = 0; i < runs; ++i) {
        headers << QString::fromStdString(comparison.names[std::size_t(i)]);
        if (i > 0)
            headers << tr("vs first");
    }
    setColumnCount(int(headers.size()));
    setHorizontalHeaderLabels(headers);
    setRowCount(int(comparison.figures.size()));
    for (int row = 0; row < rowCount(); ++row) {
        const ComparedFigure& figure = comparison.figures[std::size_t(row)];
        setItem(row, 0, new QTableWidgetItem(QString::fromStdString(figure.label)));
        for (int run = 0; run < runs; ++run) {
            auto* value = new QTableWidgetItem(
                QString::fromStdString(comparedValueText(figure, std::size_t(run))));
            value->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            setItem(row, valueColumn(run), value);
            if (run == 0)
                continue;
            auto* diff = new QTableWidgetItem(
                QString::fromStdString(comparedDifferenceText(figure, std::size_t(run))));
            diff->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            const Verdict verdict = figure.verdicts[std::size_t(run)];
            if (verdict == Verdict::Better) {
                diff->setBackground(betterBrush());
                diff->setForeground(QColor(0x1a, 0x6e, 0x2e));
            } else if (verdict == Verdict::Worse) {
                diff->setBackground(worseBrush());
                diff->setForeground(QColor(0xa0, 0x1a, 0x1b));
            }
            setItem(row, differenceColumn(run), diff);
        }
    }
    // As wide as their contents, not stretched: a difference stays beside its values.
    horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    horizontalHeader()->setStretchLastSection(false);
}

} // namespace stampede
