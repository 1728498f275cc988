#include "core/monitor/ProcessSampler.h"

#include <algorithm>
#include <utility>

namespace stampede {

namespace {

// Counters only grow; one that shrank belongs to a new thread that reused the id.
std::uint64_t ticksSince(std::uint64_t now, std::uint64_t before) {
    return now >= before ? now - before : now;
}

const ThreadStat* findThread(const std::vector<ThreadStat>& threads, int id) {
    const auto it = std::lower_bound(threads.begin(), threads.end(), id,
                                     [](const ThreadStat& t, int wanted) { return t.id < wanted; });
    return it != threads.end() && it->id == id ? &*it : nullptr;
}

} // namespace

std::optional<ProcessSample> ProcessSampler::add(ProcReading reading) {
    std::optional<ProcReading> before = std::exchange(previous_, std::move(reading));
    const ProcReading& now = *previous_;
    if (!before || now.seconds <= before->seconds)
        return std::nullopt;

    ProcessSample sample;
    sample.seconds = now.seconds;
    sample.periodSeconds = now.seconds - before->seconds;
    const double ticksPerPeriod = sample.periodSeconds * double(now.ticksPerSecond);
    const auto percent = [&](std::uint64_t ticks) {
        return 100.0 * double(ticks) / ticksPerPeriod;
    };

    for (const ThreadStat& thread : now.threads) {
        // A thread born during the period started from zero ticks.
        const ThreadStat* old = findThread(before->threads, thread.id);
        const double cpu = percent(ticksSince(thread.cpuTicks(), old ? old->cpuTicks() : 0));
        // The reader's own R says only that it was reading: its CPU time decides.
        const bool runnable = thread.state == 'R' && thread.id != now.readerThreadId;
        sample.threads.push_back({thread.id, thread.name, thread.state, cpu, thread.processor,
                                  runnable || cpu >= kRunningPercent});
    }
    for (const CoreTicks& core : now.cores) {
        const auto old = std::find_if(before->cores.begin(), before->cores.end(),
                                      [&](const CoreTicks& c) { return c.core == core.core; });
        const CoreTicks base = old != before->cores.end() ? *old : CoreTicks{};
        const std::uint64_t total = ticksSince(core.total, base.total);
        const std::uint64_t busy = std::min(ticksSince(core.busy, base.busy), total);
        sample.coreBusyPercent.push_back(total ? 100.0 * double(busy) / double(total) : 0.0);
    }
    sample.processCpuPercent =
        percent(ticksSince(now.process.cpuTicks(), before->process.cpuTicks()));
    sample.rssMiB = double(now.process.rssPages) * double(now.pageBytes) / (1024.0 * 1024.0);
    return sample;
}

} // namespace stampede
