#pragma once

#include "core/engine/LoadEngine.h"
#include "core/lab/DemoThreads.h"
#include "core/lab/requests/TimelineCollector.h"
#include "core/server/TargetServer.h"

#include <chrono>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace stampede {

struct ServersOptions {
    static constexpr int kMaxWorkers = 64;
    static constexpr int kMaxUsers = 256;

    int workers = 4; // the sync server's threads
    int users = 32;  // virtual users of the closed-model load, the same for both servers
    std::chrono::milliseconds delay{100};     // each request's service time: /delay/D
    std::chrono::milliseconds duration{4000}; // of each run

    std::optional<std::string> problem() const;
    // Little's law for a closed loop of `users` users, each asking again as soon as answered:
    // X = users / R. A server that serves at most `servers` at once for `delay` each gives at
    // most servers / delay, so R grows to users / X once users > servers.
    double predictedRps(bool sync) const;
    double predictedLatencyMs(bool sync) const;
};

// One of the two runs: the same load against the target in one mode.
struct ServerRun {
    ServerMode mode = ServerMode::Sync;
    bool started = false;
    bool finished = false;
    std::optional<RunSnapshot> latest; // while it runs
    std::optional<RunReport> report;   // once it ended
    std::vector<RequestRecord> records;
};

struct ServersProgress {
    enum class Phase { Idle, Sync, Async, Done, Stopped, Failed };
    Phase phase = Phase::Idle;
    ServerRun sync;
    ServerRun async;
    std::string failure;

    bool ended() const {
        return phase == Phase::Done || phase == Phase::Stopped || phase == Phase::Failed;
    }
    bool failed() const { return phase == Phase::Failed; }
};

// The course's Flask-versus-FastAPI comparison in one click: the same closed-model load (U
// users on /delay/D) against a private embedded target in sync mode with W worker threads,
// then in async mode, each for the same time, on the real engine. The sync server stops near
// W / D requests a second and queues the rest; the async one serves all U at once. A
// LabDemo, on a thread named servers-demo; destroying it stops and joins.
class ServersDemo {
public:
    using Options = ServersOptions;
    using Progress = ServersProgress;

    explicit ServersDemo(ServersOptions options);

    ServersDemo(const ServersDemo&) = delete;
    ServersDemo& operator=(const ServersDemo&) = delete;

    void start();
    void requestStop() { runner_.requestStop(); }
    bool wait(std::chrono::milliseconds timeout) const { return runner_.wait(timeout); }
    ServersProgress progress() const;

private:
    void run(std::stop_token stop);
    bool runOne(std::stop_token stop, ServerMode mode,
                const std::shared_ptr<TimelineCollector>& sink);
    void setPhase(ServersProgress::Phase phase, std::string failure = {});

    const ServersOptions options_;
    const std::shared_ptr<TimelineCollector> sync_ = std::make_shared<TimelineCollector>();
    const std::shared_ptr<TimelineCollector> async_ = std::make_shared<TimelineCollector>();
    LoadEngine engine_;
    mutable std::mutex mutex_;
    ServersProgress::Phase phase_ = ServersProgress::Phase::Idle;
    std::string failure_;
    DemoThreads runner_; // last
};

} // namespace stampede
