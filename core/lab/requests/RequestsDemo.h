#pragma once

#include "core/engine/LoadEngine.h"
#include "core/lab/DemoThreads.h"
#include "core/lab/requests/RequestsProgress.h"
#include "core/lab/requests/TimelineCollector.h"

#include <chrono>
#include <memory>
#include <mutex>
#include <string>

namespace stampede {

struct RequestsOptions {
    // The engine's timeline sample holds 256 records per 100 ms snapshot; all N requests of
    // the concurrent batch can finish within one, so N stays below that.
    static constexpr int kMaxRequests = 200;

    int requests = 20;
    std::chrono::milliseconds delay{200};
    std::string targetUrl; // the embedded target's base URL, e.g. http://127.0.0.1:PORT/

    std::string delayUrl() const; // the /delay/D address the requests go to
};

// N requests to /delay/D sent by the real load engine, first by one virtual user (one after
// the other), then by N users (all at once): the classic N×D against D. Runs on a thread
// named requests-demo; the window polls progress(), the terminal waits. A LabDemo:
// destroying it stops a run still going and joins.
class RequestsDemo {
public:
    using Options = RequestsOptions;
    using Progress = RequestsProgress;

    explicit RequestsDemo(RequestsOptions options);

    RequestsDemo(const RequestsDemo&) = delete;
    RequestsDemo& operator=(const RequestsDemo&) = delete;

    void start(); // once
    // Only the runner talks to the engine; it passes the request on within 50 ms.
    void requestStop() { runner_.requestStop(); }
    // True once both runs have ended.
    bool wait(std::chrono::milliseconds timeout) const { return runner_.wait(timeout); }
    RequestsProgress progress() const;
    std::string url() const { return options_.delayUrl(); }

private:
    void run(std::stop_token stop);
    bool runBatch(std::stop_token stop, int users, const std::shared_ptr<TimelineCollector>& sink);
    void setPhase(RequestsProgress::Phase phase, std::string failure = {});

    const RequestsOptions options_;
    const std::shared_ptr<TimelineCollector> sequential_ = std::make_shared<TimelineCollector>();
    const std::shared_ptr<TimelineCollector> concurrent_ = std::make_shared<TimelineCollector>();
    LoadEngine engine_;
    mutable std::mutex mutex_;
    RequestsProgress::Phase phase_ = RequestsProgress::Phase::Idle;
    std::string failure_;
    bool sequentialFinished_ = false;
    bool concurrentFinished_ = false;
    DemoThreads runner_; // last: joined before the engine goes away
};

} // namespace stampede
