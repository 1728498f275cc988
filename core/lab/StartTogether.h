#pragma once

#include "sys/ThreadName.h"

#include <chrono>
#include <latch>
#include <stop_token>
#include <string>
#include <thread>
#include <vector>

namespace stampede {

// Runs body(index, stop) on `threads` named threads released at the same instant and returns
// the milliseconds from the release until the last one ends. Starting threads takes tens of
// microseconds each; without the common start the first thread would finish a short run
// before the second began, and no race could show on two cores.
template <typename Body>
double startTogether(int threads, const std::string& name, std::stop_token stop, Body body) {
    std::latch ready(threads + 1);
    std::chrono::steady_clock::time_point released;
    {
        std::vector<std::jthread> workers;
        workers.reserve(threads);
        for (int i = 0; i < threads; ++i)
            workers.emplace_back([&, i] {
                setCurrentThreadName(name + "-" + std::to_string(i + 1));
                ready.arrive_and_wait();
                body(i, stop);
            });
        ready.arrive_and_wait();
        released = std::chrono::steady_clock::now();
    } // joins every worker
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - released)
        .count();
}

} // namespace stampede
