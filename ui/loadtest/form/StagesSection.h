#pragma once

#include "core/plan/Plan.h"

#include <QWidget>

namespace stampede {

class FieldProblems;
class StagePreviewChart;
class StagesEditor;

// The form's "Stages" tab: ramps of the load and a preview of the load they plan.
class StagesSection : public QWidget {
    Q_OBJECT
public:
    StagesSection(FieldProblems* problems, QWidget* parent = nullptr);

    void readInto(Plan& plan) const;
    void showPlan(const Plan& plan);
    // The whole plan decides the preview: base level, model, stages and stop conditions.
    void follow(const Plan& plan);

signals:
    void changed();

private:
    StagesEditor* stages_;
    StagePreviewChart* preview_;
};

} // namespace stampede
