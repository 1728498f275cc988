#include "ui/widgets/WheelGuard.h"

#include <QAbstractSpinBox>
#include <QComboBox>
#include <QEvent>

namespace stampede {
namespace {

void guard(QWidget* editor, WheelGuard* filter) {
    // Focus by click or Tab only, so a wheel passing over does not give it.
    editor->setFocusPolicy(Qt::StrongFocus);
    editor->installEventFilter(filter);
}

} // namespace

void WheelGuard::protect(QWidget* root) {
    auto* filter = root->findChild<WheelGuard*>(QString(), Qt::FindDirectChildrenOnly);
    if (!filter)
        filter = new WheelGuard(root);
    for (QComboBox* box : root->findChildren<QComboBox*>())
        guard(box, filter);
    for (QAbstractSpinBox* box : root->findChildren<QAbstractSpinBox*>())
        guard(box, filter);
    if (auto* box = qobject_cast<QComboBox*>(root))
        guard(box, filter);
    if (auto* box = qobject_cast<QAbstractSpinBox*>(root))
        guard(box, filter);
}

bool WheelGuard::eventFilter(QObject* watched, QEvent* event) {
    if (event->type() == QEvent::Wheel && !static_cast<QWidget*>(watched)->hasFocus()) {
        event->ignore(); // on to the scroll area around it
        return true;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace stampede
