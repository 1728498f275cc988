#pragma once

#include "core/plan/Plan.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTabWidget;

namespace stampede {

class ConnectionSection;
class FieldProblems;
class LoadSection;
class StagesSection;
class StepsSection;

// The form of a load test: what to request (a scenario of steps) and how hard, on four tabs
// so it fits a narrow column. It edits a Plan and shows, beside the field concerned, the problem
// the application found with it; it judges nothing itself.
class LoadTestForm : public QWidget {
    Q_OBJECT
public:
    explicit LoadTestForm(QWidget* parent = nullptr);
    ~LoadTestForm() override;

    Plan plan() const;
    // Shows `plan` in every field, and says so with changed(), as an edit does.
    void setPlan(const Plan& plan);
    // Shown in the empty URL field, so the user knows where the default target is.
    void setEmbeddedTargetUrl(const QString& url);

    // Fill the steps from pasted curl commands, or from the chosen requests of a HAR file,
    // through a dialog that shows what will be imported.
    void importCurl();
    void importHar();

    // `field` is a plan's JSON path ("request.url", "load.stages[1].target"); an empty
    // message clears. A problem on a tab the user is not working in marks that tab, and
    // brings it forward unless the user is busy on another one.
    void showProblem(const QString& field, const QString& message);
    // The transport the plan gets under its engine choice, e.g. "native (auto: plain …)".
    void showTransport(const QString& text);
    QString problemText() const;

signals:
    // The plan shown is another: the user edited a field, or setPlan replaced them all.
    void changed();

private:
    void edited();
    void markTab(int index);

    Plan base_;       // fields the form does not edit (name, thresholds) survive a round trip
    QLabel* general_; // problems of fields not on the form, or of no single field
    FieldProblems* problems_;
    QPushButton* importCurl_;
    QPushButton* importHar_;
    QTabWidget* tabs_;
    StepsSection* steps_;
    ConnectionSection* connection_;
    LoadSection* load_;
    StagesSection* stages_;
    QString shownField_;
};

} // namespace stampede
