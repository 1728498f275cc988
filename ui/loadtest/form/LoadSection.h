#pragma once

#include "core/plan/Plan.h"

#include <QWidget>

class QComboBox;
class QSpinBox;

namespace stampede {

class DecimalSpinBox;
class FieldProblems;

// The form's "Load" tab: how hard and how long — the load model with its users or rate, and
// when the run stops.
class LoadSection : public QWidget {
    Q_OBJECT
public:
    LoadSection(FieldProblems* problems, QWidget* parent = nullptr);

    void readInto(Plan& plan) const;
    void showPlan(const Plan& plan);

signals:
    void changed();

private:
    void updateModelFields();

    QComboBox* model_;
    QSpinBox* users_;
    QSpinBox* thinkTime_;
    DecimalSpinBox* rate_;
    QSpinBox* maxInFlight_;
    DecimalSpinBox* duration_;
    QSpinBox* requests_;
};

} // namespace stampede
