#include "core/lab/queue/QueueTrace.h"

namespace stampede {
namespace {

const char* spanName(QueueSpan::Kind kind) {
    switch (kind) {
    case QueueSpan::Produce:
        return "produce";
    case QueueSpan::BlockedFull:
        return "blocked: queue full";
    case QueueSpan::Consume:
        return "consume";
    case QueueSpan::WaitEmpty:
        return "waiting: queue empty";
    }
    return "?";
}

bool isWait(QueueSpan::Kind kind) {
    return kind == QueueSpan::BlockedFull || kind == QueueSpan::WaitEmpty;
}

} // namespace

Trace demoTrace(const QueueOptions&, const QueueProgress& progress) {
    Trace trace("Stampede: queue");
    for (const QueueLane& lane : progress.lanes) {
        const int id = trace.lane(lane.name);
        for (const QueueSpan& span : lane.spans) {
            QJsonObject args;
            if (span.seq >= 0)
                args["item"] = qint64(span.seq);
            trace.span(id, spanName(span.kind), isWait(span.kind) ? "wait" : "work", span.fromMs,
                       span.toMs, args);
        }
    }
    for (const QueueSample& s : progress.queue.samples) {
        trace.counter("queue depth", s.ms, s.depth);
        trace.counter("capacity K", s.ms, s.capacity);
        trace.counter("producers blocked (full)", s.ms, s.blockedProducers);
        trace.counter("consumers waiting (empty)", s.ms, s.waitingConsumers);
    }
    return trace;
}

} // namespace stampede
