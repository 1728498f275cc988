#pragma once

#include "core/plan/Plan.h"

#include <QStringList>

namespace stampede {

// What an import will put on the form, one line each: the request (or each step of several)
// as a whole, and the transport settings only where they differ from the form's current plan
// `base`.
QStringList curlImportSummary(const Plan& imported, const Plan& base);

} // namespace stampede
