#pragma once

#include "core/lab/DemoThreads.h"
#include "core/lab/race/RaceOutcome.h"
#include "core/sys/ThreadName.h"

#include <algorithm>
#include <chrono>
#include <latch>
#include <stop_token>
#include <string>
#include <vector>

namespace stampede {

// Runs body(index, stop) on `threads` named threads released at the same instant and returns
// the milliseconds from the first worker's start to the last one's end, and each one's span.
// Starting threads takes tens of microseconds each; without the common start the first thread would
// finish a short run before the second began, and no race could show on two cores. The workers take
// the times themselves: the releasing thread may be scheduled again only after they are done.
template <typename Body>
TogetherRun startTogether(int threads, const std::string& name, std::stop_token stop, Body body) {
    using Clock = std::chrono::steady_clock;
    if (threads < 1)
        return {};
    std::latch ready(threads);
    std::vector<Clock::time_point> started(static_cast<std::size_t>(threads));
    std::vector<Clock::time_point> ended(static_cast<std::size_t>(threads));
    int launched = 0;
    {
        DemoThreads workers;
        launched = workers.start(threads, [&](std::stop_token, int i) {
            setCurrentThreadName(name + "-" + std::to_string(i + 1));
            ready.arrive_and_wait();
            started[std::size_t(i)] = Clock::now();
            body(i, stop);
            ended[std::size_t(i)] = Clock::now();
        });
        // Out of threads: release those that started instead of leaving them at the latch.
        if (launched < threads)
            ready.count_down(threads - launched);
    } // joins every worker, which orders their writes before the reads below
    if (launched == 0)
        return {};
    const auto first = *std::min_element(started.begin(), started.begin() + launched);
    const auto last = *std::max_element(ended.begin(), ended.begin() + launched);
    const auto ms = [first](Clock::time_point t) {
        return std::chrono::duration<double, std::milli>(t - first).count();
    };
    TogetherRun run{ms(last), {}};
    for (int i = 0; i < launched; ++i)
        run.threads.push_back({ms(started[std::size_t(i)]), ms(ended[std::size_t(i)])});
    return run;
}

} // namespace stampede
