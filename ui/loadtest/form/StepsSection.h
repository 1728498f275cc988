#pragma once

#include "core/plan/Plan.h"

#include <QWidget>

#include <vector>

class QLabel;
class QLineEdit;

namespace stampede {

class DataFileEditor;
class FieldProblems;
class StepEditor;
class StepList;

// The form's "Steps" tab: what each virtual user sends — the base URL, the scenario's steps
// (a list, and the selected one's fields below it) and the data file whose rows feed them.
class StepsSection : public QWidget {
    Q_OBJECT
public:
    StepsSection(FieldProblems* problems, QWidget* parent = nullptr);

    void readInto(Plan& plan) const;
    void showPlan(const Plan& plan);
    void setEmbeddedTargetUrl(const QString& url);

    // Shows a problem of the plan: one of step i ("scenario.steps[2].url") beside that field
    // when step i is on screen — brought there unless the user is editing another step — or
    // else on the steps list, which marks the step. Other fields show where `problems` puts
    // them. Returns the row the message appears in, as FieldProblems::show does.
    QWidget* showProblem(const QString& field, const QString& message);
    int currentStep() const { return current_; }
    void selectStep(int index);

signals:
    void changed();

private:
    void stepEdited();
    void addStep();
    void removeStep();
    void duplicateStep();
    void moveStep(int by);
    void showStep(int index);
    void showSteps(int current);
    QWidget* placeProblem();

    FieldProblems* problems_;
    QLineEdit* baseUrl_;
    StepList* list_;
    QLabel* stepTitle_;
    StepEditor* editor_;
    DataFileEditor* data_;
    std::vector<Step> steps_{Step{}};
    int current_ = 0;
    // The problem of a step last shown, placed again when another step is selected.
    int problemStep_ = -1;
    QString problemField_; // inside the step: "url", "captures[0].as"
    QString problemMessage_;
};

} // namespace stampede
