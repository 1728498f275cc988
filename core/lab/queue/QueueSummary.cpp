#include "core/lab/queue/QueueSummary.h"

#include "core/text/Printf.h"

#include <cmath>

namespace stampede {
namespace {

double rounded(double value) {
    return std::round(value * 10) / 10;
}

} // namespace

std::string summaryText(const QueueOptions& o, const QueueProgress& p) {
    std::string text = printed(
        "Producers and consumers: %d producers (about %lld ms an item), %d consumers (about "
        "%lld ms), a queue of %d, %d items.\n",
        o.producers, static_cast<long long>(o.produceTime.count()), o.consumers,
        static_cast<long long>(o.consumeTime.count()), o.capacity, o.items);
    text += printed("  total time          %8.1f ms\n", p.elapsedMs);
    text += printed("  produced            %8lld    (%.1f/s)\n", static_cast<long long>(p.produced),
                    p.producedPerSecond());
    text += printed("  consumed            %8lld    (%.1f/s)\n", static_cast<long long>(p.consumed),
                    p.consumedPerSecond());
    text += printed("  deepest queue       %8d    (capacity %d)\n", p.queue.maxDepth,
                    p.queue.maxCapacity);
    text += printed("  taken twice         %8lld\n", static_cast<long long>(p.duplicates));
    text += printed("  lost                %8lld\n", static_cast<long long>(p.missing));
    text += printed("  left in the queue   %8d\n", p.leftInQueue);
    text += printed("  producers blocked   %8.1f ms in all (queue full)\n",
                    p.waitedMs(QueueRole::Producer));
    text += printed("  consumers waiting   %8.1f ms in all (queue empty)\n",
                    p.waitedMs(QueueRole::Consumer));
    return text;
}

QJsonObject summaryJson(const QueueOptions& o, const QueueProgress& p) {
    return {{"producers", o.producers},
            {"consumers", o.consumers},
            {"capacity", o.capacity},
            {"items", o.items},
            {"produce_ms", qint64(o.produceTime.count())},
            {"consume_ms", qint64(o.consumeTime.count())},
            {"total_ms", rounded(p.elapsedMs)},
            {"produced", qint64(p.produced)},
            {"consumed", qint64(p.consumed)},
            {"duplicates", qint64(p.duplicates)},
            {"missing", qint64(p.missing)},
            {"left_in_queue", p.leftInQueue},
            {"max_depth", p.queue.maxDepth},
            {"max_capacity", p.queue.maxCapacity},
            {"overfilled", p.queue.overfilled},
            {"produced_per_s", rounded(p.producedPerSecond())},
            {"consumed_per_s", rounded(p.consumedPerSecond())},
            {"producers_blocked_ms", rounded(p.waitedMs(QueueRole::Producer))},
            {"consumers_waiting_ms", rounded(p.waitedMs(QueueRole::Consumer))},
            {"threads", int(p.lanes.size())},
            {"stopped", p.stopped}};
}

bool succeeded(const QueueOptions&, const QueueProgress& p) {
    return !p.stopped && p.duplicates == 0 && p.missing == 0 && p.queue.overfilled == 0 &&
           p.queue.maxDepth <= p.queue.maxCapacity;
}

} // namespace stampede
