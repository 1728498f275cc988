#pragma once

#include "core/server/TargetServer.h"

#include <QObject>
#include <QTimer>

#include <functional>
#include <optional>

namespace stampede {

class TargetPanel;

// Wires the embedded target to its panel: shows its counters twice a second (lock-free
// atomics, so the GUI thread never waits on target-io) and switches it between async and
// sync serving, restarting it on the same port so every URL the window handed out stays
// good. It refuses to switch while `busy()` says a run is using it.
class TargetController : public QObject {
    Q_OBJECT
public:
    TargetController(std::optional<TargetServer>& target, TargetPanel* panel,
                     std::function<bool()> busy, QObject* parent = nullptr);

    // Serves with `workers` threads (sync), or async with 0; a sentence on what happened.
    QString switchMode(int workers);

private:
    std::optional<TargetServer>& target_;
    TargetPanel* panel_;
    std::function<bool()> busy_;
    QTimer poll_;
};

} // namespace stampede
