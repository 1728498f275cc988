#pragma once

#include "core/engine/RunSink.h"

#include <QObject>

#include <functional>
#include <memory>

namespace stampede {

class QueuedRunSinkReceiver;

// Hands a run's results to a QObject's thread (the GUI's): at most ten snapshots a second,
// never one call per request, never a lock the receiver waits on for long. The results
// themselves pass through a std::mutex mailbox, not through Qt's event queue: Debian's Qt is
// not built with ThreadSanitizer, so a hand-off inside Qt is invisible to it (DESIGN.md).
// Qt only carries a wake-up that holds no data of ours. Construct it on `context`'s thread;
// `context` must outlive the sink. Results still queued when `context` dies are dropped with
// it.
class QueuedRunSink : public RunSink {
public:
    using SnapshotHandler = std::function<void(const RunSnapshot&)>;
    using FinishedHandler = std::function<void(const RunReport&)>;

    QueuedRunSink(QObject* context, SnapshotHandler onSnapshot, FinishedHandler onFinished);
    ~QueuedRunSink() override;
    QueuedRunSink(const QueuedRunSink&) = delete;
    QueuedRunSink& operator=(const QueuedRunSink&) = delete;

    void onSnapshot(RunSnapshot snapshot) override;
    void onFinished(RunReport report) override;

    struct Mailbox;

private:
    std::shared_ptr<Mailbox> mailbox_;
    // Owned by `context` (its Qt parent); it deletes itself once the mailbox is closed.
    QueuedRunSinkReceiver* receiver_;
};

} // namespace stampede
