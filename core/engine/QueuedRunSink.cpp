#include "core/engine/QueuedRunSink.h"

#include <QMetaObject>

#include <deque>
#include <mutex>
#include <type_traits>
#include <utility>
#include <variant>

namespace stampede {

struct QueuedRunSink::Mailbox {
    std::mutex mutex;
    std::deque<std::variant<RunSnapshot, RunReport>> results;
    bool wakePosted = false;
    // No result comes after the final report, nor after the sink is gone.
    bool closed = false;
};

// Lives on the context's thread and delivers what the mailbox holds, in order.
class QueuedRunSinkReceiver : public QObject {
    Q_OBJECT
public:
    QueuedRunSinkReceiver(QObject* context, std::shared_ptr<QueuedRunSink::Mailbox> mailbox,
                          QueuedRunSink::SnapshotHandler onSnapshot,
                          QueuedRunSink::FinishedHandler onFinished)
        : QObject(context)
        , mailbox_(std::move(mailbox))
        , onSnapshot_(std::move(onSnapshot))
        , onFinished_(std::move(onFinished)) {}

    // Posted by name: the queued call Qt builds then holds nothing our instrumented code
    // wrote on the engine thread and reads here, so every byte handed over crosses the
    // mutex, where ThreadSanitizer sees it.
    void wake() { QMetaObject::invokeMethod(this, "deliver", Qt::QueuedConnection); }

public slots:
    void deliver() {
        std::deque<std::variant<RunSnapshot, RunReport>> results;
        bool closed = false;
        {
            const std::lock_guard lock(mailbox_->mutex);
            results.swap(mailbox_->results);
            mailbox_->wakePosted = false;
            closed = mailbox_->closed;
        }
        for (const auto& result : results) {
            if (const auto* snapshot = std::get_if<RunSnapshot>(&result))
                onSnapshot_(*snapshot);
            else
                onFinished_(std::get<RunReport>(result));
        }
        if (closed)
            deleteLater();
    }

private:
    std::shared_ptr<QueuedRunSink::Mailbox> mailbox_;
    QueuedRunSink::SnapshotHandler onSnapshot_;
    QueuedRunSink::FinishedHandler onFinished_;
};

namespace {

// Adds a result (or only closes the mailbox) and says whether a wake-up must be posted.
template <typename Result> bool post(QueuedRunSink::Mailbox& mailbox, Result&& result, bool close) {
    const std::lock_guard lock(mailbox.mutex);
    if (mailbox.closed)
        return false;
    if constexpr (!std::is_same_v<std::decay_t<Result>, std::monostate>)
        mailbox.results.emplace_back(std::forward<Result>(result));
    mailbox.closed = close;
    return !std::exchange(mailbox.wakePosted, true);
}

} // namespace

QueuedRunSink::QueuedRunSink(QObject* context, SnapshotHandler onSnapshot,
                             FinishedHandler onFinished)
    : mailbox_(std::make_shared<Mailbox>())
    , receiver_(new QueuedRunSinkReceiver(context, mailbox_, std::move(onSnapshot),
                                          std::move(onFinished))) {}

// A sink dropped before its final report (a run that failed to start) still lets its
// receiver go.
QueuedRunSink::~QueuedRunSink() {
    if (post(*mailbox_, std::monostate{}, true))
        receiver_->wake();
}

void QueuedRunSink::onSnapshot(RunSnapshot snapshot) {
    if (post(*mailbox_, std::move(snapshot), false))
        receiver_->wake();
}

void QueuedRunSink::onFinished(RunReport report) {
    if (post(*mailbox_, std::move(report), true))
        receiver_->wake();
}

} // namespace stampede

#include "QueuedRunSink.moc"
