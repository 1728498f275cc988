#include "core/plan/NumberRange.h"

#include <QString>

#include <cmath>

namespace stampede {

bool NumberRange::contains(double value) const {
    if (!std::isfinite(value) || (whole && std::trunc(value) != value))
        return false;
    return (aboveMin ? value > min : value >= min) && value <= max;
}

std::string NumberRange::describe() const {
    if (aboveMin)
        return std::string(what) + " above " + format(min) + " and at most " + format(max);
    return std::string(what) + " from " + format(min) + " to " + format(max);
}

std::string NumberRange::format(double value) {
    return QString::number(value, 'g', 15).toStdString();
}

} // namespace stampede
