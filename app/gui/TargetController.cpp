#include "app/gui/TargetController.h"

#include "ui/shell/TargetPanel.h"

namespace stampede {

TargetController::TargetController(std::optional<TargetServer>& target, TargetPanel* panel,
                                   std::function<bool()> busy, QObject* parent)
    : QObject(parent)
    , target_(target)
    , panel_(panel)
    , busy_(std::move(busy)) {
    connect(&poll_, &QTimer::timeout, this, [this] {
        if (target_)
            panel_->showStats(target_->stats());
    });
    poll_.start(500);
    connect(panel_, &TargetPanel::modeRequested, this, [this](int workers) {
        panel_->showMode(target_ ? target_->workers() : 0, switchMode(workers));
    });
    panel_->showMode(target_ ? target_->workers() : 0);
}

QString TargetController::switchMode(int workers) {
    if (!target_)
        return tr("The embedded target is not running.");
    if (target_->workers() == workers)
        return {};
    if (busy_ && busy_())
        return tr("A run is using the target: stop it first, then switch.");
    // Serving with `w` workers, 0 meaning async, on the port every URL handed out names.
    const auto serving = [port = target_->port()](int w) {
        return TargetServerOptions{.port = port,
                                   .priority = ThreadPriority::BehindTheWindow,
                                   .mode = w > 0 ? ServerMode::Sync : ServerMode::Async,
                                   .workers = std::max(w, 1)};
    };
    const int before = target_->workers();
    target_.reset();
    try {
        target_.emplace(serving(workers));
    } catch (const std::exception& e) {
        // The port was ours a moment ago; if even the old way cannot have it back, say so.
        try {
            target_.emplace(serving(before));
        } catch (const std::exception&) {
        }
        return tr("Could not restart the target: %1").arg(QString::fromStdString(e.what()));
    }
    return workers > 0 ? tr("Now synchronous with %1 workers: at most %1 requests are served at "
                            "once; with /delay/100 that is about %2 req/s.")
                             .arg(workers)
                             .arg(workers * 10)
                       : tr("Now asynchronous: delays are timers, nothing waits for a worker.");
}

} // namespace stampede
