#include "app/cli/demo/QueueDemoCommand.h"

#include "app/cli/demo/DemoCommandLine.h"
#include "core/lab/queue/QueueSummary.h"
#include "core/lab/queue/QueueTrace.h"

namespace stampede {

int runQueueDemo(const QStringList& arguments, const TerminationSignals& termination) {
    DemoCommandLine command(
        "queue",
        QStringLiteral("Producers and consumers: P producers make items and put them in a "
                       "queue of capacity K (std::mutex + std::condition_variable), blocking "
                       "while it is full; C consumers take them, blocking while it is empty. "
                       "Item work times vary around --produce-ms and --consume-ms, the same "
                       "every run."));
    const QCommandLineOption producers(QStringLiteral("producers"),
                                       QStringLiteral("Producer threads, 1 to 16 (default 2)."),
                                       QStringLiteral("p"));
    const QCommandLineOption consumers(QStringLiteral("consumers"),
                                       QStringLiteral("Consumer threads, 1 to 16 (default 2)."),
                                       QStringLiteral("c"));
    const QCommandLineOption capacity(QStringLiteral("capacity"),
                                      QStringLiteral("Queue capacity K, 1 to 100 (default 5)."),
                                      QStringLiteral("k"));
    const QCommandLineOption items(QStringLiteral("items"),
                                   QStringLiteral("Items in all, 1 to 5000 (default 200)."),
                                   QStringLiteral("n"));
    const QCommandLineOption produceMs(
        QStringLiteral("produce-ms"),
        QStringLiteral("Mean time to make an item; each takes 50-150 % of it (default 50)."),
        QStringLiteral("ms"));
    const QCommandLineOption consumeMs(
        QStringLiteral("consume-ms"),
        QStringLiteral("Mean time to use an item; each takes 50-150 % of it (default 80)."),
        QStringLiteral("ms"));
    command.addOptions({producers, consumers, capacity, items, produceMs, consumeMs});
    if (const auto done = command.parse(arguments))
        return *done;

    QueueOptions options;
    const IntegerOptions& numbers = command.numbers();
    const auto p = numbers.integer(producers, 1, QueueOptions::kMaxThreads, options.producers);
    const auto c = numbers.integer(consumers, 1, QueueOptions::kMaxThreads, options.consumers);
    const auto k = numbers.integer(capacity, 1, QueueOptions::kMaxCapacity, options.capacity);
    const auto n = numbers.integer(items, 1, QueueOptions::kMaxItems, options.items);
    const auto a =
        numbers.integer(produceMs, 0, QueueOptions::kMaxWorkMs, int(options.produceTime.count()));
    const auto b =
        numbers.integer(consumeMs, 0, QueueOptions::kMaxWorkMs, int(options.consumeTime.count()));
    if (!p || !c || !k || !n || !a || !b)
        return 2;
    options.producers = *p;
    options.consumers = *c;
    options.capacity = *k;
    options.items = *n;
    options.produceTime = std::chrono::milliseconds(*a);
    options.consumeTime = std::chrono::milliseconds(*b);
    return command.run<QueueDemo>(options, termination);
}

} // namespace stampede
