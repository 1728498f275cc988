#pragma once

#include <QObject>

class QWidget;

namespace stampede {

// In a form that scrolls, the wheel scrolls: a combo box or spin box the pointer passes over
// changes its value only when it has the focus (a click gives it), so scrolling a long tab
// never edits the plan by accident.
class WheelGuard : public QObject {
    Q_OBJECT
public:
    // Guards every combo box and spin box under `root` now; rows added later guard theirs.
    static void protect(QWidget* root);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    using QObject::QObject;
};

} // namespace stampede
