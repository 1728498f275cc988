#pragma once

#include "engine/Plan.h"

#include <QMap>
#include <QWidget>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace stampede {

// The form of a load test: what to request and how hard. It edits a Plan and shows, beside
// the field concerned, the problem the application found with it; it judges nothing itself.
class LoadTestForm : public QWidget {
    Q_OBJECT
public:
    explicit LoadTestForm(QWidget* parent = nullptr);

    Plan plan() const;
    void setPlan(const Plan& plan);

    // `field` is a plan's JSON path ("request.url", "load.users"); an empty message clears.
    void showProblem(const QString& field, const QString& message);
    QString problemText() const;

signals:
    void changed();

private:
    QWidget* withProblem(const QString& field, QWidget* editor);
    void updateModelFields();

    Plan base_; // fields the form does not edit yet survive a round trip
    QLineEdit* url_;
    QComboBox* method_;
    QComboBox* model_;
    QSpinBox* users_;
    QSpinBox* thinkTime_;
    QDoubleSpinBox* rate_;
    QSpinBox* maxInFlight_;
    QDoubleSpinBox* duration_;
    QSpinBox* requests_;
    QSpinBox* timeout_;
    QMap<QString, QLabel*> problems_;
    QMap<QString, QWidget*> rows_;
};

} // namespace stampede
