#pragma once

#include "core/engine/CurlMultiDriver.h"
#include "core/engine/RequestTemplate.h"
#include "core/engine/RunAccumulator.h"
#include "core/engine/RunSink.h"
#include "core/plan/Plan.h"
#include "core/plan/StageProfile.h"

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>

#include <array>
#include <deque>
#include <functional>
#include <memory>
#include <vector>

namespace stampede {

// One load test, living entirely on engine-io: the virtual users (closed model) or the
// schedule of intended send times (open model), the libcurl handles that carry them, and
// the accumulator that counts what came back.
class LoadRun {
public:
    using Clock = std::chrono::steady_clock;

    // `body` is the request body already read from plan.body or plan.bodyFile.
    LoadRun(boost::asio::io_context& io, Plan plan, std::string url, std::string body,
            std::shared_ptr<RunSink> sink, std::function<void()> onEnded);
    ~LoadRun();

    LoadRun(const LoadRun&) = delete;
    LoadRun& operator=(const LoadRun&) = delete;

    void start();
    void stop(); // ends now: in-flight requests are abandoned and not counted

private:
    struct Lane;

    Lane& newLane();
    void configure(Lane& lane);
    void send(Lane& lane, Clock::time_point intended);
    void onDone(CURL* easy, CURLcode result);
    void afterRequest(Lane& lane);
    void scheduleOpen();
    void adjustUsers(Clock::time_point now);
    void tick();
    void finish(RunSnapshot::Phase phase);
    RunSnapshot snapshot(RunSnapshot::Phase phase, Clock::time_point now);
    bool limitReached() const;
    RunAccumulator::Gauges gauges(Clock::time_point now) const;
    double secondsSinceStart(Clock::time_point t) const;

    static std::size_t onBody(char* data, std::size_t size, std::size_t count, void* lane);
    static std::size_t onHeader(char* data, std::size_t size, std::size_t count, void* lane);

    boost::asio::io_context& io_;
    Plan plan_;
    RequestTemplate request_; // after plan_, which it refers to
    std::shared_ptr<RunSink> sink_;
    std::function<void()> onEnded_;
    StageProfile profile_;
    std::vector<std::unique_ptr<Lane>> lanes_;
    std::vector<Lane*> idle_; // open model: lanes free for the next request
    CurlMultiDriver driver_;  // after lanes_: destroyed first, while the easies still exist

    Clock::time_point start_{};
    std::optional<Clock::time_point> deadline_;
    std::optional<RunAccumulator> accumulator_; // made at start, when the clock starts
    boost::asio::steady_timer tickTimer_;
    boost::asio::steady_timer deadlineTimer_;
    boost::asio::steady_timer scheduleTimer_;

    std::uint64_t issued_ = 0; // requests handed to libcurl or queued as backlog
    std::uint64_t nextId_ = 0;
    std::uint64_t inFlight_ = 0;
    std::uint64_t scheduled_ = 0; // open model: index of the next intended send
    std::deque<Clock::time_point> backlog_;
    std::vector<RequestRecord> timelineSample_; // the newest since the last snapshot, a ring
    std::size_t timelineNext_ = 0;              // where the ring writes next
    int activeUsers_ = 0;
    bool ended_ = false;
    double cpuAtStart_[2] = {0, 0};
};

} // namespace stampede
