#pragma once

class QString;
class QWidget;

namespace stampede {

// A warning that does not block: window-modal and opened, not exec'd, so the event loop, the
// charts and a run go on while it is up. It deletes itself when closed; tests find it among
// `parent`'s children by its objectName, "problemDialog".
void openProblemBox(QWidget* parent, const QString& title, const QString& text);

} // namespace stampede
