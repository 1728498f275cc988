#pragma once

#include "core/engine/RunSink.h"

#include <QObject>

#include <functional>

namespace stampede {

// Hands a run's results to a QObject's thread (the GUI's) with queued calls: one per
// snapshot, at most ten a second, never one per request, never a lock the receiver waits
// on. `context` must outlive the run — stop the engine before destroying it; calls already
// queued for it when it dies are discarded by Qt with its posted events.
class QueuedRunSink : public RunSink {
public:
    using SnapshotHandler = std::function<void(const RunSnapshot&)>;
    using FinishedHandler = std::function<void(const RunReport&)>;

    QueuedRunSink(QObject* context, SnapshotHandler onSnapshot, FinishedHandler onFinished);

    void onSnapshot(RunSnapshot snapshot) override;
    void onFinished(RunReport report) override;

private:
    QObject* context_;
    SnapshotHandler onSnapshot_;
    FinishedHandler onFinished_;
};

} // namespace stampede
