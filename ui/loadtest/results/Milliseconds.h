#pragma once

#include <QString>

namespace stampede {

// A latency as the result tables print it: two decimals below 10 ms, one above.
inline QString millisecondsText(double value) {
    return QString::number(value, 'f', value < 10 ? 2 : 1) + " ms";
}

} // namespace stampede
