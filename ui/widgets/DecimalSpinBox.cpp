#include "ui/widgets/DecimalSpinBox.h"

namespace stampede {

DecimalSpinBox::DecimalSpinBox(QWidget* parent)
    : QDoubleSpinBox(parent) {
    setDecimals(3);
}

void DecimalSpinBox::setExactValue(double value) {
    setValue(value);
    exact_ = value;
    shown_ = this->value();
}

double DecimalSpinBox::exactValue() const {
    return value() == shown_ ? exact_ : value();
}

QString DecimalSpinBox::textFromValue(double value) const {
    QString text = QDoubleSpinBox::textFromValue(value);
    const QChar point = locale().decimalPoint().front();
    if (!text.contains(point))
        return text;
    while (text.endsWith('0'))
        text.chop(1);
    if (text.endsWith(point))
        text.chop(1);
    return text;
}

} // namespace stampede
