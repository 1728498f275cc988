#pragma once

#include <QRegularExpression>
#include <QStringList>
#include <QTextCharFormat>

namespace stampede {

// The {{slots}} of a URL, header or body as the window marks them. Only for showing: what a
// slot means, and whether it is defined, is core's to say (TextTemplate, the plan check).
const QRegularExpression& templateSlotPattern();
// The slots used in `texts`, each once, in order of first use, as written: "{{id}}".
QStringList templateSlots(const QStringList& texts);
// One look for a slot wherever it is drawn.
QTextCharFormat templateSlotFormat();

} // namespace stampede
