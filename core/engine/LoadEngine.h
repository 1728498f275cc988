#pragma once

#include "core/engine/RunSink.h"
#include "core/plan/Plan.h"
#include "core/plan/PlanShare.h"
#include "core/sys/ThreadPriority.h"

#include <chrono>
#include <memory>
#include <optional>
#include <string>

namespace stampede {

// The load engine: one thread named engine-io running a Boost.Asio io_context, on which a
// run's scheduler and transport (native sockets, or libcurl's multi_socket API) live and die;
// control arrives by asio::post, results leave as snapshots through a RunSink. One run at a
// time.
class LoadEngine {
public:
    // `priority` is engine-io's: the window runs its engine behind its own thread.
    explicit LoadEngine(ThreadPriority priority = ThreadPriority::Normal);
    ~LoadEngine(); // stops a run still going and joins engine-io

    LoadEngine(const LoadEngine&) = delete;
    LoadEngine& operator=(const LoadEngine&) = delete;

    // Starts `plan` against `url` (the plan's URL, or the embedded target's when the plan
    // has none). Checks what can be checked at once — a run already going, an unreadable
    // body file, too few file descriptors for the concurrency — and returns the problem as
    // a message; otherwise the run starts and nothing is returned. `machine`: the part of
    // the run this process carries when several share it (stampede run --shard K/N).
    std::optional<std::string> start(const Plan& plan, const std::string& url,
                                     std::shared_ptr<RunSink> sink, RunShare machine = {});

    void requestStop(); // returns at once; the final report reaches the sink
    void stop();        // returns once the run has ended and every handle and socket is gone
    // Waits until the run ends by itself or `timeout` passes; true if no run is going.
    bool wait(std::chrono::milliseconds timeout);
    bool running() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace stampede
