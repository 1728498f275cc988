#pragma once

#include <QDoubleSpinBox>

namespace stampede {

// A double spin box that keeps several decimals but shows only those a value needs ("2.5 s",
// not "2.500 s"). A value set with setExactValue comes back unrounded from exactValue until
// the user changes it, so a plan's 1000/3 req/s is not quietly turned into 333.333.
class DecimalSpinBox : public QDoubleSpinBox {
    Q_OBJECT
public:
    explicit DecimalSpinBox(QWidget* parent = nullptr);

    void setExactValue(double value);
    double exactValue() const;

    QString textFromValue(double value) const override;

private:
    double exact_ = 0;
    double shown_ = 0; // what the box made of exact_
};

} // namespace stampede
