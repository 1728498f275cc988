#include "ui/loadtest/form/StagesEditor.h"

#include "ui/widgets/CompactTable.h"
#include "ui/widgets/DecimalSpinBox.h"
#include "ui/widgets/WheelGuard.h"

#include <QSignalBlocker>
#include <QTableWidget>
#include <QToolButton>

namespace stampede {
namespace {

constexpr double kMaxStageSeconds = 31'536'000;
constexpr double kMaxTarget = 10'000'000;

} // namespace

StagesEditor::StagesEditor(QWidget* parent)
    : QWidget(parent)
    , table_(new QTableWidget(0, 2, this))
    , add_(new QToolButton(this))
    , remove_(new QToolButton(this)) {
    table_->setObjectName("stages");
    table_->setToolTip(tr("Stages shape the load over time: each moves the load in a straight "
                          "line from the previous level (the first from the base users or "
                          "rate) to its target over its duration. The run ends with the last "
                          "stage, or earlier at the duration or request limit."));
    CompactTable::setUp(table_, 3);
    add_->setObjectName("addStage");
    add_->setToolTip(tr("Add a stage after the last one"));
    remove_->setObjectName("removeStage");
    remove_->setToolTip(tr("Remove the stage being edited, or else the last one"));
    CompactTable::layOutWithButtons(this, table_, add_, remove_);
    setModel(model_, base_);

    connect(add_, &QToolButton::clicked, this, &StagesEditor::addStage);
    connect(remove_, &QToolButton::clicked, this, &StagesEditor::removeStage);
}

std::vector<Stage> StagesEditor::stages() const {
    std::vector<Stage> result;
    for (int row = 0; row < table_->rowCount(); ++row)
        result.push_back(
            {std::chrono::milliseconds(std::llround(durationBox(row)->exactValue() * 1000)),
             targetBox(row)->exactValue()});
    return result;
}

void StagesEditor::setStages(const std::vector<Stage>& stages) {
    const QSignalBlocker blocker(this);
    for (int row = table_->rowCount() - 1; row >= 0; --row)
        removeRowNow(row);
    for (const Stage& stage : stages)
        appendRow(stage);
}

void StagesEditor::setModel(LoadShape::Model model, double base) {
    model_ = model;
    base_ = base;
    const bool open = model == LoadShape::Model::Open;
    table_->setHorizontalHeaderLabels(
        {tr("Duration (s)"), open ? tr("Target req/s") : tr("Target users")});
}

void StagesEditor::markCell(int row, const QString& key) {
    for (int r = 0; r < table_->rowCount(); ++r) {
        const bool marked = r == row;
        durationBox(r)->setStyleSheet(marked && key == "duration_s" ? "background: #fde2e0" : "");
        targetBox(r)->setStyleSheet(marked && key != "duration_s" ? "background: #fde2e0" : "");
    }
}

DecimalSpinBox* StagesEditor::durationBox(int row) const {
    return static_cast<DecimalSpinBox*>(table_->cellWidget(row, 0));
}

DecimalSpinBox* StagesEditor::targetBox(int row) const {
    return static_cast<DecimalSpinBox*>(table_->cellWidget(row, 1));
}

void StagesEditor::appendRow(const Stage& stage) {
    const int row = table_->rowCount();
    table_->insertRow(row);
    auto* duration = new DecimalSpinBox(table_);
    duration->setObjectName(QString("stageDuration%1").arg(row));
    duration->setRange(0, kMaxStageSeconds);
    duration->setSuffix(" s");
    duration->setFrame(false);
    duration->setExactValue(std::chrono::duration<double>(stage.duration).count());
    duration->setToolTip(tr("How long this stage's ramp lasts."));
    auto* target = new DecimalSpinBox(table_);
    target->setObjectName(QString("stageTarget%1").arg(row));
    // Wide enough for either model; the plan check tells when a target is out of range.
    target->setRange(0, kMaxTarget);
    target->setFrame(false);
    target->setExactValue(stage.target);
    target->setToolTip(tr("The users (closed model) or requests per second (open model) "
                          "reached at the end of this stage."));
    WheelGuard::protect(duration);
    WheelGuard::protect(target);
    table_->setCellWidget(row, 0, duration);
    table_->setCellWidget(row, 1, target);
    for (DecimalSpinBox* box : {duration, target})
        connect(box, &QDoubleSpinBox::valueChanged, this, &StagesEditor::changed);
}

void StagesEditor::removeRowNow(int row) {
    // The view deletes a row's spin boxes only later; unnamed, they cannot be mistaken for
    // the boxes of the row that takes their place.
    durationBox(row)->setObjectName({});
    targetBox(row)->setObjectName({});
    table_->removeRow(row);
}

void StagesEditor::addStage() {
    // A new stage holds the level reached so far; the user then sets where it goes.
    const int rows = table_->rowCount();
    appendRow({std::chrono::seconds(10), rows > 0 ? targetBox(rows - 1)->exactValue() : base_});
    table_->setCurrentCell(rows, 1);
    targetBox(rows)->setFocus();
    targetBox(rows)->selectAll();
    emit changed();
}

void StagesEditor::removeStage() {
    // The rows are spin boxes, so "selected" is the row being edited; else the last one.
    int row = table_->rowCount() - 1;
    for (int r = 0; r < table_->rowCount(); ++r)
        if (durationBox(r)->hasFocus() || targetBox(r)->hasFocus())
            row = r;
    if (row < 0)
        return;
    removeRowNow(row);
    // Keep names in row order so tests and accessibility tools find the row they mean.
    for (int r = row; r < table_->rowCount(); ++r) {
        durationBox(r)->setObjectName(QString("stageDuration%1").arg(r));
        targetBox(r)->setObjectName(QString("stageTarget%1").arg(r));
    }
    emit changed();
}

} // namespace stampede
