#include "core/engine/QueuedRunSink.h"

#include <QMetaObject>

#include <memory>

namespace stampede {

QueuedRunSink::QueuedRunSink(QObject* context, SnapshotHandler onSnapshot,
                             FinishedHandler onFinished)
    : context_(context)
    , onSnapshot_(std::move(onSnapshot))
    , onFinished_(std::move(onFinished)) {}

void QueuedRunSink::onSnapshot(RunSnapshot snapshot) {
    // Qt's queued functor calls need a copyable callable: share the moved snapshot.
    auto shared = std::make_shared<const RunSnapshot>(std::move(snapshot));
    QMetaObject::invokeMethod(
        context_, [handler = onSnapshot_, shared] { handler(*shared); }, Qt::QueuedConnection);
}

void QueuedRunSink::onFinished(RunReport report) {
    auto shared = std::make_shared<const RunReport>(std::move(report));
    QMetaObject::invokeMethod(
        context_, [handler = onFinished_, shared] { handler(*shared); }, Qt::QueuedConnection);
}

} // namespace stampede
