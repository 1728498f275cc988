#pragma once

#include "core/engine/LoadEngine.h"
#include "core/lab/requests/RequestsProgress.h"
#include "core/lab/requests/TimelineCollector.h"

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

namespace stampede {

struct RequestsOptions {
    // The engine's timeline sample holds 256 records per 100 ms snapshot; all N requests of
    // the concurrent batch can finish within one, so N stays below that.
    static constexpr int kMaxRequests = 200;

    int requests = 20;
    std::chrono::milliseconds delay{200};
    std::string targetUrl; // the embedded target's base URL, e.g. http://127.0.0.1:PORT/
};

// N requests to /delay/D sent by the real load engine, first by one virtual user (one after
// the other), then by N users (all at once): the classic N×D against D. Runs on a thread
// named requests-demo; the window polls progress(), the terminal waits.
class RequestsDemo {
public:
    explicit RequestsDemo(RequestsOptions options);
    ~RequestsDemo(); // stops a run still going and joins

    RequestsDemo(const RequestsDemo&) = delete;
    RequestsDemo& operator=(const RequestsDemo&) = delete;

    void start(); // once
    void requestStop();
    bool wait(std::chrono::milliseconds timeout) const; // true once both runs have ended
    RequestsProgress progress() const;

    std::string url() const; // the /delay/D address the requests go to

private:
    void run(std::stop_token stop);
    bool runBatch(std::stop_token stop, int users, const std::shared_ptr<TimelineCollector>& sink);
    void setPhase(RequestsProgress::Phase phase, std::string failure = {});

    const RequestsOptions options_;
    const std::shared_ptr<TimelineCollector> sequential_ = std::make_shared<TimelineCollector>();
    const std::shared_ptr<TimelineCollector> concurrent_ = std::make_shared<TimelineCollector>();
    LoadEngine engine_;
    mutable std::mutex mutex_;
    mutable std::condition_variable changed_;
    RequestsProgress::Phase phase_ = RequestsProgress::Phase::Idle;
    std::string failure_;
    bool sequentialFinished_ = false;
    bool concurrentFinished_ = false;
    std::jthread runner_; // last: joined before the engine goes away
};

} // namespace stampede
