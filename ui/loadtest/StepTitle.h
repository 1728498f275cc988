#pragma once

#include "core/plan/Plan.h"

#include <QString>

namespace stampede {

// How the window names a step in its list and its results: "POST /courses" for what it
// sends, and its own name when it has one.
QString stepRequest(const Step& step);
QString stepTitle(const Step& step);

} // namespace stampede
