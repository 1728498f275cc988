#include "ui/lab/race/RaceTable.h"

#include "core/lab/race/RaceOptions.h"
#include "core/lab/race/RaceOutcome.h"

#include <QHeaderView>

#include <algorithm>

namespace stampede {
namespace {

int rowCountOf(RaceTable::Rows rows) {
    if (rows == RaceTable::Rows::ByMode)
        return int(kRaceModes.size());
    int sizes = 1; // 1, 10, … the largest
    for (std::uint64_t size = 1; size < RaceOptions::kSweepLargest; size *= 10)
        ++sizes;
    return sizes;
}

} // namespace

RaceTable::RaceTable(Rows rows, QWidget* parent)
    : QTableWidget(0, 6, parent)
    , rows_(rows) {
    setHorizontalHeaderLabels({rows == Rows::BySize ? tr("N") : tr("mode"), tr("expected"),
                               tr("actual"), tr("lost"), tr("%"), tr("ms")});
    verticalHeader()->setVisible(false);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    // Numbers never wrap: a digit group broken over two lines reads as two numbers.
    setWordWrap(false);
    // Even columns: sized to contents, the spare width all went to the last one and pushed
    // the times away from the rest of the row. The page leaves room for the widest numbers.
    horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setToolTip(tr("N: additions per thread; %: share of updates lost"));
    setFixedHeight(horizontalHeader()->sizeHint().height() +
                   rowCountOf(rows) * verticalHeader()->defaultSectionSize() + 2 * frameWidth());
}

void RaceTable::showOutcomes(const std::vector<RaceOutcome>& outcomes) {
    setRowCount(int(outcomes.size()));
    for (int row = 0; row < int(outcomes.size()); ++row) {
        const RaceOutcome& o = outcomes[row];
        const QStringList cells{
            rows_ == Rows::BySize ? QLocale().toString(qulonglong(o.increments))
                                  : QString::fromUtf8(raceModeName(o.mode).data()),
            QLocale().toString(qlonglong(o.expected)),
            QLocale().toString(qlonglong(o.actual)),
            QLocale().toString(qlonglong(o.lost())),
            QString::number(
                100.0 * double(o.lost()) / double(std::max<std::int64_t>(1, o.expected)), 'f', 1),
            QString::number(o.milliseconds, 'f', 2)};
        for (int column = 0; column < cells.size(); ++column) {
            auto* item = new QTableWidgetItem(cells[column]);
            item->setTextAlignment(column ? Qt::AlignRight | Qt::AlignVCenter : Qt::AlignCenter);
            if (column == 3 && o.lost() != 0)
                item->setForeground(QColor(0xd6, 0x27, 0x28));
            setItem(row, column, item);
        }
    }
}

} // namespace stampede
