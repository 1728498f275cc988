#include "ui/loadtest/form/StepList.h"

#include "core/plan/PlanValidation.h"
#include "ui/loadtest/StepTitle.h"
#include "ui/widgets/CompactTable.h"

#include <QApplication>
#include <QHeaderView>
#include <QSignalBlocker>
#include <QStyle>
#include <QTableWidget>
#include <QToolButton>

namespace stampede {

StepList::StepList(QWidget* parent)
    : QWidget(parent)
    , table_(new QTableWidget(0, 2, this))
    , add_(new QToolButton(this))
    , remove_(new QToolButton(this))
    , duplicate_(new QToolButton(this))
    , up_(new QToolButton(this))
    , down_(new QToolButton(this)) {
    table_->setObjectName("steps");
    table_->setHorizontalHeaderLabels({tr("Step"), tr("Request")});
    table_->setToolTip(tr("The requests each virtual user sends, in this order, one iteration of "
                          "the flow after another. Select a step to edit it below."));
    CompactTable::setUp(table_, 5);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setWordWrap(false);
    table_->setTextElideMode(Qt::ElideRight);
    add_->setObjectName("addStep");
    add_->setText("+");
    add_->setToolTip(tr("Add a step after the selected one"));
    remove_->setObjectName("removeStep");
    remove_->setText("−");
    remove_->setToolTip(tr("Remove the selected step (a scenario keeps at least one)"));
    duplicate_->setObjectName("duplicateStep");
    duplicate_->setText("❐");
    duplicate_->setToolTip(tr("Duplicate the selected step, right after it"));
    up_->setObjectName("moveStepUp");
    up_->setText("↑");
    up_->setToolTip(tr("Move the selected step up: it is sent earlier in each iteration"));
    down_->setObjectName("moveStepDown");
    down_->setText("↓");
    down_->setToolTip(tr("Move the selected step down: it is sent later in each iteration"));
    CompactTable::layOutWithButtons(this, table_, {add_, remove_, duplicate_, up_, down_});

    connect(table_, &QTableWidget::currentCellChanged, this, [this](int row) {
        enableButtons();
        if (row >= 0)
            emit currentChanged(row);
    });
    connect(add_, &QToolButton::clicked, this, &StepList::addRequested);
    connect(remove_, &QToolButton::clicked, this, &StepList::removeRequested);
    connect(duplicate_, &QToolButton::clicked, this, &StepList::duplicateRequested);
    connect(up_, &QToolButton::clicked, this, [this] { emit moveRequested(-1); });
    connect(down_, &QToolButton::clicked, this, [this] { emit moveRequested(+1); });
}

void StepList::setSteps(const std::vector<Step>& steps, int current) {
    {
        const QSignalBlocker blocker(table_);
        table_->setRowCount(int(steps.size()));
        for (int row = 0; row < table_->rowCount(); ++row)
            fillRow(row, steps[std::size_t(row)]);
        table_->setCurrentCell(current, 0);
    }
    marked_ = -1;
    enableButtons();
}

void StepList::updateStep(int index, const Step& step) {
    if (index < 0 || index >= table_->rowCount())
        return;
    const QSignalBlocker blocker(table_);
    fillRow(index, step);
}

int StepList::current() const {
    return table_->currentRow();
}

void StepList::setCurrent(int index) {
    {
        const QSignalBlocker blocker(table_);
        table_->setCurrentCell(index, 0);
    }
    enableButtons();
}

void StepList::markStep(int index) {
    marked_ = index;
    const QIcon warning = style()->standardIcon(QStyle::SP_MessageBoxWarning);
    for (int row = 0; row < table_->rowCount(); ++row)
        for (int column = 0; column < 2; ++column) {
            QTableWidgetItem* item = table_->item(row, column);
            item->setBackground(row == index ? CompactTable::problemBrush() : QBrush());
            if (column == 0)
                item->setIcon(row == index ? warning : QIcon());
        }
}

void StepList::fillRow(int row, const Step& step) {
    for (int column = 0; column < 2; ++column)
        if (!table_->item(row, column))
            table_->setItem(row, column, new QTableWidgetItem);
    QTableWidgetItem* name = table_->item(row, 0);
    // A step without a name says so, faintly: naming it is what the results will show.
    name->setText(QString("%1. %2").arg(row + 1).arg(
        step.name.empty() ? tr("(no name)") : QString::fromStdString(step.name)));
    name->setForeground(step.name.empty() ? palette().color(QPalette::PlaceholderText) : QBrush());
    QTableWidgetItem* request = table_->item(row, 1);
    request->setText(stepRequest(step));
    const QString tip =
        QString("%1. %2").arg(row + 1).arg(stepTitle(step)) + "\n" + stepRequest(step);
    name->setToolTip(tip);
    request->setToolTip(tip);
}

void StepList::enableButtons() {
    const int rows = table_->rowCount();
    const int row = table_->currentRow();
    const bool room = rows < int(kMaxSteps);
    add_->setEnabled(room);
    duplicate_->setEnabled(room && row >= 0);
    remove_->setEnabled(rows > 1 && row >= 0);
    up_->setEnabled(row > 0);
    down_->setEnabled(row >= 0 && row + 1 < rows);
}

} // namespace stampede
