#include "ui/loadtest/form/StagesSection.h"

#include "ui/loadtest/charts/StagePreviewChart.h"
#include "ui/loadtest/form/FieldProblems.h"
#include "ui/loadtest/form/PlannedLoad.h"
#include "ui/loadtest/form/StagesEditor.h"

#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace stampede {

StagesSection::StagesSection(FieldProblems* problems, QWidget* parent)
    : QWidget(parent)
    , stages_(new StagesEditor(this))
    , preview_(new StagePreviewChart(this)) {
    auto* intro = new QLabel(tr("Ramps: each stage moves the load linearly to its target. "
                                "None: a constant load."),
                             this);
    intro->setWordWrap(true);
    intro->setToolTip(stages_->table()->toolTip());
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(intro);
    layout->addWidget(
        problems->wrap("load.stages", stages_, this,
                       [this](int row, const QString& key) { stages_->markCell(row, key); }));
    layout->addWidget(preview_);
    connect(stages_, &StagesEditor::changed, this, &StagesSection::changed);
}

void StagesSection::readInto(Plan& plan) const {
    plan.load.stages = stages_->stages();
}

void StagesSection::showPlan(const Plan& plan) {
    const QSignalBlocker blocker(this);
    stages_->setStages(plan.load.stages);
    follow(plan);
}

void StagesSection::follow(const Plan& plan) {
    const bool open = plan.load.model == LoadShape::Model::Open;
    stages_->setModel(plan.load.model, open ? plan.load.rate : double(plan.load.users));
    const PlannedLoad load = PlannedLoad::of(plan);
    preview_->setPoints(load.points, open ? tr("req/s") : tr("users"), load.endless);
}

} // namespace stampede
